package io.duckstep.lambda.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.AwsEnvironment;
import io.duckstep.core.run.RecordedManifest;
import io.duckstep.core.run.RunManifestTask;
import io.duckstep.core.task.RunManifestInput;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.StructuredLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The last step of a summary run: {@link RunManifestInput} in, {@link RecordedManifest} out. Writes
 * {@code runs/<run>/manifest.json}; for a failed run, first removes what the run had published.
 * Environment: {@code DUCKSTEP_DEFINITION_SHA256}, the checksum of the definition the state machine was made from.
 */
public final class RunManifestHandler
        implements RequestStreamHandler
{
    private final RunManifestTask task;

    public RunManifestHandler()
    {
        this(wire(AwsEnvironment.fromSystem(), Optional.ofNullable(System.getenv("DUCKSTEP_DEFINITION_SHA256"))));
    }

    RunManifestHandler(RunManifestTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    private static RunManifestTask wire(AwsEnvironment environment, Optional<String> definitionSha256)
    {
        return new RunManifestTask(environment.layout(), environment.warehouse(), runId -> definitionSha256, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        RunManifestInput request = LambdaJson.read(input, RunManifestInput.class);
        RecordedManifest recorded = task.run(request);
        StructuredLog.info(context.getLogger(), request.runId(), "manifest written", Map.of("location", recorded.location(), "status", recorded.status().name()));
        LambdaJson.write(output, recorded);
    }
}
