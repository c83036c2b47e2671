package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.PreparedUpload;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Validates an upload: {@link PrepareUploadInput} in, {@link PreparedUpload} out; a bad upload raises
 * {@code io.duckstep.core.error.InvalidInputException}, which the state machine catches to quarantine it.
 */
public final class PrepareUploadHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(PrepareUploadHandler.class);

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
        Observability.invocation(context, "PrepareUpload", () -> {
            PrepareUploadInput request = LambdaJson.read(input, PrepareUploadInput.class);
            Observability.executionName(request.runId());
            PreparedUpload prepared = task.run(request.runId(), request.upload());
            Observability.count("RowsValidated", prepared.rowCount());
            LOG.info("upload validated", entry("upload", request.upload()), entry("rows", prepared.rowCount()), entry("milliseconds", prepared.elapsedMilliseconds()));
            LambdaJson.write(output, prepared);
        });
    }
}
