package io.duckstep.asl.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Choice"}: goes to the {@code Next} of the first matching rule, else to {@code Default}.
 */
public record ChoiceState(String name, List<ChoiceBranch> choices, Optional<String> defaultState)
        implements State
{
    public ChoiceState
    {
        requireNonNull(name, "name is null");
        choices = List.copyOf(requireNonNull(choices, "choices is null"));
        requireNonNull(defaultState, "defaultState is null");
    }

    @Override
    public Map<String, String> targets()
    {
        Map<String, String> targets = new LinkedHashMap<>();
        for (int i = 0; i < choices.size(); i++) {
            targets.put("Choices[" + i + "].Next", choices.get(i).next());
        }
        defaultState.ifPresent(next -> targets.put("Default", next));
        return targets;
    }

    @Override
    public boolean isTerminal()
    {
        return false;
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.choice(this);
    }
}
