package io.duckstep.lambda.query;

import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.PreparedUpload;
import io.duckstep.lambda.support.JsonTaskHandler;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Validates an upload: {@link PrepareUploadInput} in, {@link PreparedUpload} out; a bad upload raises
 * {@code io.duckstep.core.error.InvalidInputException}, which the state machine catches to quarantine it.
 */
public final class PrepareUploadHandler
        extends JsonTaskHandler<PrepareUploadInput, PreparedUpload>
{
    private static final Logger LOG = LoggerFactory.getLogger(PrepareUploadHandler.class);

    public PrepareUploadHandler()
    {
        this(QueryTasks.factory().prepareUpload());
    }

    PrepareUploadHandler(PrepareUploadTask task)
    {
        super("PrepareUpload", PrepareUploadInput.class, task::run);
    }

    @Override
    protected void succeeded(PrepareUploadInput input, PreparedUpload prepared)
    {
        Observability.count("RowsValidated", prepared.rowCount());
        LOG.info("upload validated", entry("upload", input.upload()), entry("rows", prepared.rowCount()), entry("milliseconds", prepared.elapsedMilliseconds()));
    }
}
