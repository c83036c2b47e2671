package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Choice"}: goes to the {@code Next} of the first matching rule, else to {@code Default}.
 * An empty {@code inputPath} or {@code outputPath} stands for the JSON value {@code null}.
 */
public record ChoiceState(
        String name,
        Optional<JsonPath> inputPath,
        Optional<JsonPath> outputPath,
        List<ChoiceBranch> choices,
        Optional<String> defaultState)
        implements State
{
    public ChoiceState
    {
        requireNonNull(name, "name is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(outputPath, "outputPath is null");
        choices = List.copyOf(requireNonNull(choices, "choices is null"));
        requireNonNull(defaultState, "defaultState is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.choice(this);
    }
}
