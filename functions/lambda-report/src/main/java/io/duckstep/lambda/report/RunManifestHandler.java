package io.duckstep.lambda.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.AwsEnvironment;
import io.duckstep.core.run.RecordedManifest;
import io.duckstep.core.run.RunManifestTask;
import io.duckstep.core.task.RunManifestInput;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The last step of a summary run: {@link RunManifestInput} in, {@link RecordedManifest} out. Writes
 * {@code runs/<run>/manifest.json}; for a failed run, first removes what the run had published.
 * Environment: {@link AwsEnvironment}, with {@code DUCKSTEP_DEFINITION_SHA256}, the checksum of the definition the state machine was made from.
 */
public final class RunManifestHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(RunManifestHandler.class);

    private final RunManifestTask task;

    public RunManifestHandler()
    {
        this(wire(AwsEnvironment.fromSystem()));
    }

    RunManifestHandler(RunManifestTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    private static RunManifestTask wire(AwsEnvironment environment)
    {
        return new RunManifestTask(environment.layout(), environment.warehouse(), runId -> environment.definitionSha256(), Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "WriteManifest", () -> {
            RunManifestInput request = LambdaJson.read(input, RunManifestInput.class);
            Observability.executionName(request.runId());
            RecordedManifest recorded = task.run(request);
            LOG.info("manifest written", entry("location", recorded.location()), entry("status", recorded.status().name()));
            LambdaJson.write(output, recorded);
        });
    }
}
