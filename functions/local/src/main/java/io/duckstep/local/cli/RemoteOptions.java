package io.duckstep.local.cli;

import io.duckstep.local.remote.Pause;
import io.duckstep.local.remote.RemoteConnection;
import io.duckstep.local.remote.RemoteFailureException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --remote} and what goes with it, for {@code run summary}, {@code ask} and {@code runs}.
 */
final class RemoteOptions
{
    @Option(names = "--remote", description = "run against the deployed stack instead of this machine (AWS credentials from the usual SDK chain)")
    boolean remote;

    @Option(names = "--stack", paramLabel = "NAME", defaultValue = "DuckStep", description = "with --remote: the CloudFormation stack (default: ${DEFAULT-VALUE})")
    String stack;

    @Option(names = "--region", paramLabel = "REGION", description = "with --remote: the stack's region (default: AWS_REGION or the profile's)")
    String region;

    @Option(names = "--verbose", description = "with --remote: on a failure, also print the AWS SDK's stack trace")
    boolean verbose;

    @Option(names = "--endpoint", paramLabel = "SERVICE=URL", hidden = true, description = "an endpoint for cloudformation, sfn or s3 (emulators and tests)")
    Map<String, URI> endpoints = new HashMap<>();

    @Option(names = "--poll-milliseconds", paramLabel = "MILLISECONDS", hidden = true, defaultValue = "2000", description = "with --remote: how often a run is polled")
    long pollMilliseconds;

    @FunctionalInterface
    interface RemoteWork<T>
    {
        T run(RemoteConnection connection)
                throws InterruptedException;
    }

    /** Connects to the stack and does the work; a failure is one line, with the SDK's stack trace only with --verbose. */
    <T> T call(PrintWriter err, RemoteWork<T> work)
            throws InterruptedException
    {
        try (RemoteConnection connection = RemoteConnection.open(stack, Optional.ofNullable(region), endpoints)) {
            return work.run(connection);
        }
        catch (RemoteFailureException e) {
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(err);
                err.flush();
            }
            throw e;
        }
    }

    Pause pause()
    {
        return Pause.SLEEP;
    }

    Duration interval()
    {
        return Duration.ofMillis(pollMilliseconds);
    }
}
