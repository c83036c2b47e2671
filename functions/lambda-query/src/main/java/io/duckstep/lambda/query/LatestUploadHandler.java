package io.duckstep.lambda.query;

import io.duckstep.core.task.LatestUploadInput;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.lambda.support.JsonTaskHandler;

/**
 * For a run started with {@code {}}: returns the newest upload's location (a JSON string).
 */
public final class LatestUploadHandler
        extends JsonTaskHandler<LatestUploadInput, String>
{
    public LatestUploadHandler()
    {
        this(QueryTasks.factory().latestUpload());
    }

    LatestUploadHandler(LatestUploadTask task)
    {
        super("FindLatestUpload", LatestUploadInput.class, task::run);
    }
}
