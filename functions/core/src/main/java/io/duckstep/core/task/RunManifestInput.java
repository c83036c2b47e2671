package io.duckstep.core.task;

import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.report.ReportOutput;
import io.duckstep.core.run.RunManifest;
import io.duckstep.core.upload.PreparedUpload;
import io.duckstep.core.upload.QuarantinedUpload;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The manifest task's payload: the run, its workflow, whether it succeeded, and the run's state as the
 * state machine has it ({@code "run.$": "$"}). Any part of the state may be missing on failure.
 */
public record RunManifestInput(String runId, String workflow, RunManifest.Status status, RunState run)
{
    public RunManifestInput
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(workflow, "workflow is null");
        requireNonNull(status, "status is null");
        run = run == null ? new RunState(null, null, null, null, null, null, null) : run;
    }

    /**
     * @param upload the upload's location
     * @param prepared the validated upload, once PrepareUpload succeeded
     * @param results the query results, once RunQueries succeeded
     * @param report the report, once BuildReport succeeded
     * @param error what a Catch recorded
     * @param quarantine where QuarantineUpload kept a rejected upload
     * @param quarantineFailure what a Catch recorded when the quarantine itself failed
     */
    public record RunState(String upload, PreparedUpload prepared, List<QueryOutput> results, ReportOutput report, TaskError error,
            QuarantinedUpload quarantine, TaskError quarantineFailure)
    {
        public RunState
        {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }
}
