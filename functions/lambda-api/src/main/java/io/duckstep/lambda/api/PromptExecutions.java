package io.duckstep.lambda.api;

import java.util.Optional;

/**
 * The prompt state machine's executions as the API needs them. Step Functions implements it; tests use a
 * hand-written fake (Step Functions has no emulator here).
 */
public interface PromptExecutions
{
    /** Starts the execution; an execution of that name already existing is not an error (a retried request). */
    void start(String name, String input);

    /** The execution's state, or empty when there is none of that name. */
    Optional<Execution> describe(String name);

    record Execution(String status, String output, String error, String cause) {}
}
