package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Task"}: runs the handler registered for its {@code Resource}.
 * An empty {@code inputPath}, {@code resultPath} or {@code outputPath} stands for the JSON value {@code null}.
 */
public record TaskState(
        String name,
        Transition transition,
        Optional<JsonPath> inputPath,
        Optional<PayloadTemplate> parameters,
        String resource,
        Optional<TaskTimeout> timeout,
        Optional<PayloadTemplate> resultSelector,
        Optional<JsonPath> resultPath,
        Optional<JsonPath> outputPath,
        ErrorHandling errorHandling)
        implements State
{
    public TaskState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(resultSelector, "resultSelector is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(outputPath, "outputPath is null");
        requireNonNull(errorHandling, "errorHandling is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.task(this);
    }
}
