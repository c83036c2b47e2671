package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Map"} in inline mode: runs the item processor once per element of the array
 * {@code ItemsPath} selects; its result is the array of the iterations' outputs, in item order.
 * An empty {@code inputPath}, {@code resultPath} or {@code outputPath} stands for the JSON value {@code null}.
 *
 * @param itemSelector {@code ItemSelector}, or the legacy {@code Parameters}: builds each iteration's input
 * @param itemProcessor {@code ItemProcessor}, or the legacy {@code Iterator}
 * @param maxConcurrency at most this many iterations run at once; 0 means no limit
 */
public record MapState(
        String name,
        Transition transition,
        Optional<JsonPath> inputPath,
        JsonPath itemsPath,
        Optional<PayloadTemplate> itemSelector,
        StateGraph itemProcessor,
        int maxConcurrency,
        Optional<PayloadTemplate> resultSelector,
        Optional<JsonPath> resultPath,
        Optional<JsonPath> outputPath,
        ErrorHandling errorHandling)
        implements State
{
    public MapState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(itemsPath, "itemsPath is null");
        requireNonNull(itemSelector, "itemSelector is null");
        requireNonNull(itemProcessor, "itemProcessor is null");
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("maxConcurrency must not be negative, was " + maxConcurrency);
        }
        requireNonNull(resultSelector, "resultSelector is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(outputPath, "outputPath is null");
        requireNonNull(errorHandling, "errorHandling is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.map(this);
    }
}
