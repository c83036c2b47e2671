package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.PassState;

/**
 * A Pass state: its result is its {@code Result}, else its {@code Parameters}, else its effective input.
 */
final class PassStateRunner
{
    private PassStateRunner() {}

    static StateOutcome run(PassState state, JsonNode rawInput, StateScope scope, PayloadTemplateEvaluator templates)
    {
        ObjectNode context = scope.context(0);
        JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
        JsonNode result;
        if (state.result().isPresent()) {
            result = state.result().get().deepCopy();
        }
        else {
            result = state.parameters()
                    .map(template -> templates.evaluate(template, effectiveInput, context))
                    .orElse(effectiveInput);
        }
        JsonNode withResult = DataFlow.resultPath(state.resultPath(), rawInput, result);
        return new StateOutcome(DataFlow.outputPath(state.outputPath(), withResult, context), state.transition().next());
    }
}
