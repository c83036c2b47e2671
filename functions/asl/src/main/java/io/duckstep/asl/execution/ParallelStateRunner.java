package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.definition.ParallelState;

import java.util.List;
import java.util.function.Function;

/**
 * A Parallel state: every branch runs concurrently on the state's input; the result is the array of
 * their outputs in branch order, placed at its {@code ResultPath}. A failing branch fails the state
 * (which its {@code Catch} may handle) and cancels the others.
 */
final class ParallelStateRunner
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ParallelStateRunner() {}

    static StateOutcome run(ParallelState state, JsonNode input, StateScope scope, GraphRunner graphs)
    {
        return ErrorHandlingRunner.run(scope, state.errorHandling(), state.transition(), input, retryCount -> {
            List<Function<CancellationToken, JsonNode>> branches = state.branches().stream()
                    .map(branch -> (Function<CancellationToken, JsonNode>) cancellation -> graphs.run(branch, input, cancellation))
                    .toList();
            ArrayNode result = NODES.arrayNode();
            ConcurrentRunner.runAll(scope.environment().executor(), branches, scope.cancellation()).forEach(result::add);
            return DataFlow.resultPath(state.resultPath(), input, result);
        });
    }
}
