package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.path.JsonPath;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Pass"}: passes its input, its {@code Parameters} or its {@code Result} on.
 * An empty {@code inputPath}, {@code resultPath} or {@code outputPath} stands for the JSON value {@code null}.
 */
public record PassState(
        String name,
        Transition transition,
        Optional<JsonPath> inputPath,
        Optional<PayloadTemplate> parameters,
        Optional<JsonNode> result,
        Optional<JsonPath> resultPath,
        Optional<JsonPath> outputPath)
        implements State
{
    public PassState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(result, "result is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(outputPath, "outputPath is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.pass(this);
    }
}
