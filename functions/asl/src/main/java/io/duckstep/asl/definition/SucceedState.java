package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Succeed"}: ends its graph successfully.
 * An empty {@code inputPath} or {@code outputPath} stands for the JSON value {@code null}.
 */
public record SucceedState(String name, Optional<JsonPath> inputPath, Optional<JsonPath> outputPath)
        implements State
{
    public SucceedState
    {
        requireNonNull(name, "name is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(outputPath, "outputPath is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.succeed(this);
    }
}
