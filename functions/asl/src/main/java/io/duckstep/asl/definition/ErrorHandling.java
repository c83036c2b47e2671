package io.duckstep.asl.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The {@code Retry} and {@code Catch} fields of a Task state, and the {@code Catch} of a Parallel state.
 */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers)
{
    public ErrorHandling
    {
        retriers = List.copyOf(requireNonNull(retriers, "retriers is null"));
        catchers = List.copyOf(requireNonNull(catchers, "catchers is null"));
    }

    /** The transition and each catcher's {@code Next}, keyed by the field that names it. */
    Map<String, String> targets(Transition transition)
    {
        Map<String, String> targets = new LinkedHashMap<>(transition.targets());
        for (int i = 0; i < catchers.size(); i++) {
            targets.put("Catch[" + i + "].Next", catchers.get(i).next());
        }
        return targets;
    }
}
