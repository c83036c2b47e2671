package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;

/**
 * For a run started with {@code {}}: returns the newest upload's location (a JSON string).
 */
public final class LatestUploadHandler
        implements RequestStreamHandler
{
    private final LatestUploadTask task;

    public LatestUploadHandler()
    {
        this(QueryTasks.latestUploadTask(QueryTasks.environment()));
    }

    LatestUploadHandler(LatestUploadTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "FindLatestUpload", () -> LambdaJson.write(output, task.run()));
    }
}
