package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.ParallelState;

import java.util.List;
import java.util.function.Function;

/**
 * A Parallel state: every branch runs concurrently on the same input; the result is the array of
 * their outputs in branch order. A failing branch fails the state and cancels the others.
 */
final class ParallelStateRunner
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParallelStateRunner() {}

    static StateOutcome run(ParallelState state, JsonNode rawInput, StateScope scope, PayloadTemplateEvaluator templates, GraphRunner graphs)
    {
        return ErrorHandlingRunner.run(scope, state.errorHandling(), state.transition(), rawInput, retryCount -> {
            ObjectNode context = scope.context(retryCount);
            JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
            JsonNode branchInput = state.parameters()
                    .map(template -> templates.evaluate(template, effectiveInput, context))
                    .orElse(effectiveInput);
            List<Function<CancellationToken, JsonNode>> branches = state.branches().stream()
                    .map(branch -> (Function<CancellationToken, JsonNode>) cancellation -> graphs.run(branch, branchInput, cancellation))
                    .toList();
            ArrayNode result = NODES.arrayNode();
            ConcurrentRunner.runAll(scope.environment().executor(), branches, 0, scope.cancellation()).forEach(result::add);
            JsonNode selected = state.resultSelector()
                    .map(template -> templates.evaluate(template, result, context))
                    .orElse(result);
            JsonNode withResult = DataFlow.resultPath(state.resultPath(), rawInput, selected);
            return DataFlow.outputPath(state.outputPath(), withResult, context);
        });
    }
}
