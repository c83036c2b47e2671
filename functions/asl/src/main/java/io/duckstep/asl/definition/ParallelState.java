package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Parallel"}: runs every branch concurrently on the same input; its result is the
 * array of the branches' outputs, in branch order.
 * An empty {@code inputPath}, {@code resultPath} or {@code outputPath} stands for the JSON value {@code null}.
 */
public record ParallelState(
        String name,
        Transition transition,
        Optional<JsonPath> inputPath,
        Optional<PayloadTemplate> parameters,
        List<StateGraph> branches,
        Optional<PayloadTemplate> resultSelector,
        Optional<JsonPath> resultPath,
        Optional<JsonPath> outputPath,
        ErrorHandling errorHandling)
        implements State
{
    public ParallelState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(parameters, "parameters is null");
        branches = List.copyOf(requireNonNull(branches, "branches is null"));
        requireNonNull(resultSelector, "resultSelector is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(outputPath, "outputPath is null");
        requireNonNull(errorHandling, "errorHandling is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.parallel(this);
    }
}
