package io.duckstep.lambda.trigger;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

import static java.util.Objects.requireNonNull;

/**
 * Starts executions of one state machine; an execution that already exists (a duplicate event) is not an error.
 */
final class StepFunctionsExecutionStarter
        implements ExecutionStarter
{
    private final SfnClient client;
    private final String stateMachineArn;

    StepFunctionsExecutionStarter(SfnClient client, String stateMachineArn)
    {
        this.client = requireNonNull(client, "client is null");
        this.stateMachineArn = requireNonNull(stateMachineArn, "stateMachineArn is null");
    }

    @Override
    public boolean start(String executionName, String input)
    {
        try {
            client.startExecution(request -> request.stateMachineArn(stateMachineArn).name(executionName).input(input));
            return true;
        }
        catch (ExecutionAlreadyExistsException e) {
            return false;
        }
    }
}
