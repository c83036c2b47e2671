package io.duckstep.core.task;

import static java.util.Objects.requireNonNull;

/**
 * The upload-validation task's payload: the run and the uploaded file's location.
 */
public record PrepareUploadInput(String runId, String upload)
{
    public PrepareUploadInput
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(upload, "upload is null");
    }
}
