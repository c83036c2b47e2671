package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Wait"}: waits, then passes its input on.
 * An empty {@code inputPath} or {@code outputPath} stands for the JSON value {@code null}.
 */
public record WaitState(
        String name,
        Transition transition,
        Optional<JsonPath> inputPath,
        Optional<JsonPath> outputPath,
        WaitDuration duration)
        implements State
{
    public WaitState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(outputPath, "outputPath is null");
        requireNonNull(duration, "duration is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.waitState(this);
    }
}
