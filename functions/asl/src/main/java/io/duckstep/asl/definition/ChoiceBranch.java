package io.duckstep.asl.definition;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a Choice state's {@code Choices}: a rule and the state to go to when it matches.
 */
public record ChoiceBranch(ChoiceRule rule, String next)
{
    public ChoiceBranch
    {
        requireNonNull(rule, "rule is null");
        requireNonNull(next, "next is null");
    }
}
