package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Pass"}: passes its {@code Parameters}, or else its input, on.
 * An empty {@code resultPath} stands for the JSON value {@code null}.
 */
public record PassState(
        String name,
        Transition transition,
        Optional<PayloadTemplate> parameters,
        Optional<JsonPath> resultPath)
        implements State
{
    public PassState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(resultPath, "resultPath is null");
    }

    @Override
    public Map<String, String> targets()
    {
        return transition.targets();
    }

    @Override
    public boolean isTerminal()
    {
        return transition.isEnd();
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.pass(this);
    }
}
