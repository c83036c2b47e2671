package io.duckstep.lambda.api;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

final class StepFunctionsPromptExecutions
        implements PromptExecutions
{
    private final SfnClient client;
    private final String stateMachineArn;

    StepFunctionsPromptExecutions(SfnClient client, String stateMachineArn)
    {
        this.client = requireNonNull(client, "client is null");
        this.stateMachineArn = requireNonNull(stateMachineArn, "stateMachineArn is null");
    }

    @Override
    public void start(String name, String input)
    {
        try {
            client.startExecution(request -> request.stateMachineArn(stateMachineArn).name(name).input(input));
        }
        catch (ExecutionAlreadyExistsException duplicate) {
            // the same request again: it runs once
        }
    }

    @Override
    public Optional<Execution> describe(String name)
    {
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        try {
            DescribeExecutionResponse execution = client.describeExecution(request -> request.executionArn(executionArn));
            return Optional.of(new Execution(execution.statusAsString(), execution.output(), execution.error(), execution.cause()));
        }
        catch (ExecutionDoesNotExistException missing) {
            return Optional.empty();
        }
    }
}
