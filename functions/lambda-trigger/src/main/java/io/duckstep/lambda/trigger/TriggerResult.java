package io.duckstep.lambda.trigger;

/**
 * What the trigger did with an event.
 *
 * @param started whether this invocation started an execution
 * @param executionName the execution's name (derived from the object, so a duplicate event maps to the same one)
 * @param reason why nothing was started, or {@code started} / {@code already started}
 */
public record TriggerResult(boolean started, String executionName, String upload, String reason) {}
