package io.duckstep.lambda.report;

import io.duckstep.aws.AwsEnvironment;
import io.duckstep.core.run.RecordedManifest;
import io.duckstep.core.run.RunManifestTask;
import io.duckstep.core.task.RunManifestInput;
import io.duckstep.lambda.support.JsonTaskHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The last step of a summary run: {@link RunManifestInput} in, {@link RecordedManifest} out. Writes
 * {@code runs/<run>/manifest.json}; for a failed run, first removes what the run had published.
 * Environment: {@link AwsEnvironment}, with {@code DUCKSTEP_DEFINITION_SHA256}, the checksum of the definition the state machine was made from.
 */
public final class RunManifestHandler
        extends JsonTaskHandler<RunManifestInput, RecordedManifest>
{
    private static final Logger LOG = LoggerFactory.getLogger(RunManifestHandler.class);

    public RunManifestHandler()
    {
        this(wire(AwsEnvironment.fromSystem()));
    }

    RunManifestHandler(RunManifestTask task)
    {
        super("WriteManifest", RunManifestInput.class, task::run);
    }

    private static RunManifestTask wire(AwsEnvironment environment)
    {
        return ReportTasks.factory(environment).runManifest(runId -> environment.definitionSha256());
    }

    @Override
    protected void succeeded(RunManifestInput input, RecordedManifest recorded)
    {
        LOG.info("manifest written", entry("location", recorded.location()), entry("status", recorded.status().name()));
    }
}
