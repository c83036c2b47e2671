package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Fail"}: fails with an error and a cause read from its input ({@code ErrorPath}, {@code CausePath}).
 */
public record FailState(String name, Optional<JsonPath> errorPath, Optional<JsonPath> causePath)
        implements State
{
    public FailState
    {
        requireNonNull(name, "name is null");
        requireNonNull(errorPath, "errorPath is null");
        requireNonNull(causePath, "causePath is null");
    }

    @Override
    public Map<String, String> targets()
    {
        return Map.of();
    }

    @Override
    public boolean isTerminal()
    {
        return true;
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.fail(this);
    }
}
