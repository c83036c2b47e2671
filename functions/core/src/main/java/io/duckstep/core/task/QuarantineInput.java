package io.duckstep.core.task;

import static java.util.Objects.requireNonNull;

/**
 * The quarantine task's payload: the run, the rejected upload and the error that rejected it.
 */
public record QuarantineInput(String runId, String upload, TaskError error)
{
    public QuarantineInput
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(upload, "upload is null");
        requireNonNull(error, "error is null");
    }
}
