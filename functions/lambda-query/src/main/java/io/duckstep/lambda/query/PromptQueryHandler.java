package io.duckstep.lambda.query;

import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.prompt.RejectedQueryException;
import io.duckstep.core.prompt.SandboxedResult;
import io.duckstep.core.task.PromptQueryInput;
import io.duckstep.lambda.support.JsonTaskHandler;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Runs SQL the model wrote, guarded and sandboxed: {@link PromptQueryInput} in, {@link SandboxedResult} out. A refusal,
 * an SQL error or a timeout is thrown by its class name, which the prompt state machine catches.
 */
public final class PromptQueryHandler
        extends JsonTaskHandler<PromptQueryInput, SandboxedResult>
{
    private static final Logger LOG = LoggerFactory.getLogger(PromptQueryHandler.class);

    public PromptQueryHandler()
    {
        this(QueryTasks.factory().promptQuery());
    }

    PromptQueryHandler(PromptQueryTask task)
    {
        super("RunQuery", PromptQueryInput.class, task::run);
    }

    @Override
    protected void failed(PromptQueryInput input, RuntimeException failure)
    {
        if (failure instanceof RejectedQueryException) {
            Observability.count("GuardRefusals", 1);
            LOG.info("query refused by the guard", entry("reason", failure.getMessage()));
        }
    }
}
