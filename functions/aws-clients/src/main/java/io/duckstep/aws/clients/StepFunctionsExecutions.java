package io.duckstep.aws.clients;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The executions of one state machine, started idempotently: an execution is named by the caller after what started
 * it (an upload, an API request), so a repeated event or a retried request names the same execution, and its start is
 * not an error.
 */
public final class StepFunctionsExecutions
{
    private final SfnClient client;
    private final String stateMachineArn;

    public StepFunctionsExecutions(SfnClient client, String stateMachineArn)
    {
        this.client = requireNonNull(client, "client is null");
        this.stateMachineArn = requireNonNull(stateMachineArn, "stateMachineArn is null");
    }

    /**
     * @return {@code true} if this call started the execution, {@code false} if an execution of that name already exists
     */
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

    /** The execution of that name, or empty when there is none. */
    public Optional<DescribeExecutionResponse> describe(String executionName)
    {
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
        try {
            return Optional.of(client.describeExecution(request -> request.executionArn(executionArn)));
        }
        catch (ExecutionDoesNotExistException missing) {
            return Optional.empty();
        }
    }
}
