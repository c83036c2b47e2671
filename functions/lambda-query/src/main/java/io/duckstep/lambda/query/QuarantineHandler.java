package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.upload.QuarantineTask;
import io.duckstep.core.upload.QuarantinedUpload;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.StructuredLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Keeps a rejected upload with its reason: {@link QuarantineInput} in, {@link QuarantinedUpload} out.
 */
public final class QuarantineHandler
        implements RequestStreamHandler
{
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
        QuarantineInput request = LambdaJson.read(input, QuarantineInput.class);
        QuarantinedUpload quarantined = task.run(request.runId(), request.upload(), request.error().error(), request.error().message());
        StructuredLog.info(context.getLogger(), request.runId(), "upload quarantined", Map.of("upload", request.upload(), "error", request.error().error()));
        LambdaJson.write(output, quarantined);
    }
}
