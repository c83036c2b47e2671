package io.duckstep.asl.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A {@code StartAt} plus its {@code States}: the top level of a state machine or a Parallel branch.
 * States transition only within their own graph.
 *
 * @param states by name, in definition order
 */
public record StateGraph(String startAt, Map<String, State> states)
{
    public StateGraph
    {
        requireNonNull(startAt, "startAt is null");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(states, "states is null")));
    }

    public State state(String name)
    {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("No state named '" + name + "'");
        }
        return state;
    }
}
