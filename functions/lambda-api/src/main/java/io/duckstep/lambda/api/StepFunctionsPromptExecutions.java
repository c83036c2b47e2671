package io.duckstep.lambda.api;

import io.duckstep.aws.clients.StepFunctionsExecutions;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The prompt state machine's executions on Step Functions; a retried request names the same execution, which runs once.
 */
final class StepFunctionsPromptExecutions
        implements PromptExecutions
{
    private final StepFunctionsExecutions executions;

    StepFunctionsPromptExecutions(StepFunctionsExecutions executions)
    {
        this.executions = requireNonNull(executions, "executions is null");
    }

    @Override
    public void start(String name, String input)
    {
        executions.start(name, input);
    }

    @Override
    public Optional<Execution> describe(String name)
    {
        return executions.describe(name).map(execution -> new Execution(execution.statusAsString(), execution.output(), execution.error(), execution.cause()));
    }
}
