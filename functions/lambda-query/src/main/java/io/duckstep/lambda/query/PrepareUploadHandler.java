package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.PreparedUpload;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.StructuredLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Validates an upload: {@link PrepareUploadInput} in, {@link PreparedUpload} out; a bad upload raises
 * {@code io.duckstep.core.error.InvalidInputException}, which the state machine catches to quarantine it.
 */
public final class PrepareUploadHandler
        implements RequestStreamHandler
{
    private final PrepareUploadTask task;

    public PrepareUploadHandler()
    {
        this(QueryTasks.prepareUploadTask(QueryTasks.environment()));
    }

    PrepareUploadHandler(PrepareUploadTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        PrepareUploadInput request = LambdaJson.read(input, PrepareUploadInput.class);
        PreparedUpload prepared = task.run(request.runId(), request.upload());
        StructuredLog.info(context.getLogger(), request.runId(), "upload validated",
                Map.of("upload", request.upload(), "rows", prepared.rowCount(), "milliseconds", prepared.elapsedMilliseconds()));
        LambdaJson.write(output, prepared);
    }
}
