package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Hears about an execution's progress as it happens, for example to print it. Called from the
 * threads running the states (several at once inside Parallel states), so an
 * implementation must be thread-safe and quick.
 */
public interface ExecutionListener
{
    ExecutionListener NONE = new ExecutionListener() {};

    default void stateEntered(String stateName) {}

    /** The state is entered with this input (its raw input, before InputPath); by default {@link #stateEntered(String)}. */
    default void stateEntered(String stateName, JsonNode input)
    {
        stateEntered(stateName);
    }

    /** The state finished and the execution moves on (including after a {@code Catch}). */
    default void stateExited(String stateName, Duration elapsed) {}

    /** The state finished with this output (after OutputPath); by default {@link #stateExited(String, Duration)}. */
    default void stateExited(String stateName, JsonNode output, Duration elapsed)
    {
        stateExited(stateName, elapsed);
    }

    /** The state failed with an error none of its retriers or catchers handled. */
    default void stateFailed(String stateName, String error, String cause, Duration elapsed) {}

    /** The state failed with {@code error} and will be tried again after {@code delay}. */
    default void stateRetrying(String stateName, String error, int retryCount, Duration delay) {}
}
