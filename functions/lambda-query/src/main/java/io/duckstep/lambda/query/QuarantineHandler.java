package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.upload.QuarantineTask;
import io.duckstep.core.upload.QuarantinedUpload;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Keeps a rejected upload with its reason: {@link QuarantineInput} in, {@link QuarantinedUpload} out.
 */
public final class QuarantineHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineHandler.class);

    private final QuarantineTask task;

    public QuarantineHandler()
    {
        this(QueryTasks.quarantineTask(QueryTasks.environment().layout()));
    }

    QuarantineHandler(QuarantineTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "QuarantineUpload", () -> {
            QuarantineInput request = LambdaJson.read(input, QuarantineInput.class);
            Observability.executionName(request.runId());
            QuarantinedUpload quarantined = task.run(request.runId(), request.upload(), request.error().error(), request.error().message());
            LOG.info("upload quarantined", entry("upload", request.upload()), entry("error", request.error().error()));
            LambdaJson.write(output, quarantined);
        });
    }
}
