package io.duckstep.local.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.ExecutionListener;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Listeners that several parties hear through.
 */
public final class ExecutionListeners
{
    private ExecutionListeners() {}

    /** Tells {@code first}, then {@code second}, about every event. */
    public static ExecutionListener both(ExecutionListener first, ExecutionListener second)
    {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
        return new ExecutionListener()
        {
            @Override
            public void stateEntered(String stateName, JsonNode input)
            {
                first.stateEntered(stateName, input);
                second.stateEntered(stateName, input);
            }

            @Override
            public void stateExited(String stateName, JsonNode output, Duration elapsed)
            {
                first.stateExited(stateName, output, elapsed);
                second.stateExited(stateName, output, elapsed);
            }

            @Override
            public void stateFailed(String stateName, String error, String cause, Duration elapsed)
            {
                first.stateFailed(stateName, error, cause, elapsed);
                second.stateFailed(stateName, error, cause, elapsed);
            }

            @Override
            public void stateRetrying(String stateName, String error, int retryCount, Duration delay)
            {
                first.stateRetrying(stateName, error, retryCount, delay);
                second.stateRetrying(stateName, error, retryCount, delay);
            }
        };
    }
}
