package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a state produced and where the execution goes next; no next state ends the graph.
 */
record StateOutcome(JsonNode output, Optional<String> next)
{
    StateOutcome
    {
        requireNonNull(output, "output is null");
        requireNonNull(next, "next is null");
    }
}
