package io.duckstep.lambda.trigger;

/**
 * Starts a state machine execution: {@link io.duckstep.aws.clients.StepFunctionsExecutions#start} on AWS; tests use a
 * hand-written fake (Step Functions has no emulator here).
 */
public interface ExecutionStarter
{
    /**
     * @return {@code true} if this call started the execution, {@code false} if an execution of that name already exists
     */
    boolean start(String executionName, String input);
}
