package io.duckstep.lambda.query;

import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.upload.QuarantineTask;
import io.duckstep.core.upload.QuarantinedUpload;
import io.duckstep.lambda.support.JsonTaskHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Keeps a rejected upload with its reason: {@link QuarantineInput} in, {@link QuarantinedUpload} out.
 */
public final class QuarantineHandler
        extends JsonTaskHandler<QuarantineInput, QuarantinedUpload>
{
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineHandler.class);

    public QuarantineHandler()
    {
        this(QueryTasks.factory().quarantine());
    }

    QuarantineHandler(QuarantineTask task)
    {
        super("QuarantineUpload", QuarantineInput.class, task::run);
    }

    @Override
    protected void succeeded(QuarantineInput input, QuarantinedUpload quarantined)
    {
        LOG.info("upload quarantined", entry("upload", input.upload()), entry("error", input.error().error()));
    }
}
