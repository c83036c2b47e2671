package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.prompt.RejectedQueryException;
import io.duckstep.core.prompt.SandboxedResult;
import io.duckstep.core.task.PromptQueryInput;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Runs SQL the model wrote, guarded and sandboxed: {@link PromptQueryInput} in, {@link SandboxedResult} out. A refusal,
 * an SQL error or a timeout is thrown by its class name, which the prompt state machine catches.
 */
public final class PromptQueryHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(PromptQueryHandler.class);

    private final PromptQueryTask task;

    public PromptQueryHandler()
    {
        this(QueryTasks.promptQueryTask(QueryTasks.environment()));
    }

    PromptQueryHandler(PromptQueryTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "RunQuery", () -> {
            PromptQueryInput request = Observability.request(input, PromptQueryInput.class);
            try {
                LambdaJson.write(output, task.run(request.sql(), request.inputs()));
            }
            catch (RejectedQueryException refused) {
                Observability.count("GuardRefusals", 1);
                LOG.info("query refused by the guard", entry("reason", refused.getMessage()));
                throw refused;
            }
        });
    }
}
