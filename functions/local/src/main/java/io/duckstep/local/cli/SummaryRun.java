package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.DefinitionException;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.core.run.RunManifest;
import io.duckstep.core.task.TaskError;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.LocalWorkflows;
import io.duckstep.local.StateMachines;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the summary workflow for the commands that need it, printing progress, and turns a failed
 * execution into one clear message.
 */
final class SummaryRun
{
    private SummaryRun() {}

    /** @return the report's location */
    static String run(LocalTasks tasks, Path upload, Progress progress)
    {
        return run(tasks, upload, progress, StateMachines.definition(StateMachines.SUMMARY));
    }

    /** @return the report's location, as the run's manifest records it */
    static String run(LocalTasks tasks, Path upload, Progress progress, String definition)
    {
        String runId = LocalWorkflows.newExecutionName("summary");
        progress.step("running workflow " + StateMachines.SUMMARY + " as " + runId + " on " + upload);
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("upload", upload.toString());
        ExecutionResult result;
        try {
            result = new LocalWorkflows(tasks, listener(progress)).execute(StateMachines.SUMMARY, definition, runId, input);
        }
        catch (DefinitionException e) {
            throw new CommandFailedException("the state machine definition cannot run here: " + e.getMessage());
        }
        // what the run produced is what its manifest says, whatever the execution's output
        RunManifest manifest = tasks.manifests().read(runId).orElseThrow(() -> new CommandFailedException("workflow " + runId + " " + result.status()
                + " without writing its manifest " + tasks.manifests().location(runId) + ": " + message(result) + "; its files are incomplete"));
        if (!manifest.succeeded()) {
            throw new CommandFailedException("workflow " + runId + " " + manifest.status() + ": " + manifest.error().cause()
                    + (manifest.error().quarantine() == null ? "" : " (the upload was kept as " + manifest.error().quarantine() + ")")
                    + " (manifest: " + tasks.manifests().location(runId) + ")");
        }
        return manifest.report().location();
    }

    private static String message(ExecutionResult result)
    {
        return new TaskError(result.error().orElse("States.Runtime"), result.cause().orElse("")).message();
    }

    static ExecutionListener listener(Progress progress)
    {
        return new ExecutionListener()
        {
            @Override
            public void stateEntered(String stateName)
            {
                progress.step("  " + stateName + " ...");
            }

            @Override
            public void stateExited(String stateName, Duration elapsed)
            {
                progress.step("  " + stateName + " done (" + Progress.format(elapsed) + ")");
            }

            @Override
            public void stateFailed(String stateName, String error, String cause, Duration elapsed)
            {
                progress.step("  " + stateName + " failed: " + error);
            }

            @Override
            public void stateRetrying(String stateName, String error, int retryCount, Duration delay)
            {
                progress.step("  " + stateName + " retrying after " + error + " (attempt " + (retryCount + 1) + ", in " + Progress.format(delay) + ")");
            }
        };
    }
}
