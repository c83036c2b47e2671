package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.MapState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An inline Map state: the item processor runs once per element of the array {@code ItemsPath}
 * selects, at most {@code MaxConcurrency} at once; the result is the array of the iterations'
 * outputs in item order. Each iteration's input is its item, or the {@code ItemSelector} evaluated
 * with {@code $$.Map.Item.Index} and {@code $$.Map.Item.Value}.
 */
final class MapStateRunner
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MapStateRunner() {}

    static StateOutcome run(MapState state, JsonNode rawInput, StateScope scope, PayloadTemplateEvaluator templates, GraphRunner graphs)
    {
        return ErrorHandlingRunner.run(scope, state.errorHandling(), state.transition(), rawInput, retryCount -> {
            ObjectNode context = scope.context(retryCount);
            JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
            JsonNode items = DataFlow.read(state.itemsPath(), effectiveInput, context, "ItemsPath");
            if (!items.isArray()) {
                throw StateFailedException.runtime("ItemsPath '" + state.itemsPath() + "' must select an array but selected a "
                        + items.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            List<Function<CancellationToken, JsonNode>> iterations = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                JsonNode item = items.get(i);
                iterations.add(cancellation -> {
                    JsonNode iterationInput = state.itemSelector()
                            .map(template -> templates.evaluate(template, effectiveInput, ContextObjects.withMapItem(context, index, item)))
                            .orElse(item);
                    return graphs.run(state.itemProcessor(), iterationInput, cancellation);
                });
            }
            ArrayNode result = NODES.arrayNode();
            ConcurrentRunner.runAll(scope.environment().executor(), iterations, state.maxConcurrency(), scope.cancellation()).forEach(result::add);
            JsonNode selected = state.resultSelector()
                    .map(template -> templates.evaluate(template, result, context))
                    .orElse(result);
            JsonNode withResult = DataFlow.resultPath(state.resultPath(), rawInput, selected);
            return DataFlow.outputPath(state.outputPath(), withResult, context);
        });
    }
}
