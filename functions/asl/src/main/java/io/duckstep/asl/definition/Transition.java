package io.duckstep.asl.definition;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a state goes when it succeeds: its {@code Next} state, or nowhere ({@code "End": true}).
 */
public record Transition(Optional<String> next)
{
    public Transition
    {
        requireNonNull(next, "next is null");
    }

    public static Transition to(String next)
    {
        return new Transition(Optional.of(next));
    }

    public static Transition end()
    {
        return new Transition(Optional.empty());
    }

    public boolean isEnd()
    {
        return next.isEmpty();
    }

    /** {@code Next} and the state it names; none for {@code "End": true}. */
    Map<String, String> targets()
    {
        return next.map(name -> Map.of("Next", name)).orElse(Map.of());
    }
}
