package io.duckstep.asl.definition;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A parsed and validated state machine: its top-level states and its optional execution timeout.
 */
public record StateMachineDefinition(StateGraph graph, OptionalInt timeoutSeconds)
{
    public StateMachineDefinition
    {
        requireNonNull(graph, "graph is null");
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
    }
}
