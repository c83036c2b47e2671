package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One visit of one state: its name, when it was entered and the cancellation of the work around it.
 */
record StateScope(ExecutionEnvironment environment, String stateName, Instant enteredTime, CancellationToken cancellation)
{
    StateScope
    {
        requireNonNull(environment, "environment is null");
        requireNonNull(stateName, "stateName is null");
        requireNonNull(enteredTime, "enteredTime is null");
        requireNonNull(cancellation, "cancellation is null");
    }

    /** The context object ({@code $$}) for the state's attempt after {@code retryCount} retries. */
    ObjectNode context(int retryCount)
    {
        return ContextObjects.forState(environment, stateName, enteredTime, retryCount);
    }
}
