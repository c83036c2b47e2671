package io.duckstep.lambda.notification;

import java.util.Optional;

/**
 * Reads an execution's output when the event did not carry it (EventBridge leaves out large payloads).
 */
public interface ExecutionOutputs
{
    Optional<String> output(String executionArn);
}
