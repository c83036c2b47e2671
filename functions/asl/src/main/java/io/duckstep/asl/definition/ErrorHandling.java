package io.duckstep.asl.definition;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code Retry} and {@code Catch} fields of a Task, Parallel or Map state.
 */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers)
{
    public ErrorHandling
    {
        retriers = List.copyOf(requireNonNull(retriers, "retriers is null"));
        catchers = List.copyOf(requireNonNull(catchers, "catchers is null"));
    }

    public static ErrorHandling none()
    {
        return new ErrorHandling(List.of(), List.of());
    }
}
