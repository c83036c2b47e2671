package io.duckstep.asl.definition;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a Choice state's {@code Choices}: the state to go to when every one of its comparisons
 * holds (one for a plain rule, one per operand, however nested, for an {@code And}).
 */
public record ChoiceBranch(List<Comparison> comparisons, String next)
{
    public ChoiceBranch
    {
        comparisons = List.copyOf(requireNonNull(comparisons, "comparisons is null"));
        requireNonNull(next, "next is null");
    }
}
