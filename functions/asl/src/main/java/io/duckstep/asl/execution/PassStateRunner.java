package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.definition.PassState;

/**
 * A Pass state: its result is its {@code Parameters}, else its input, placed at its {@code ResultPath}.
 */
final class PassStateRunner
{
    private PassStateRunner() {}

    static StateOutcome run(PassState state, JsonNode input, StateScope scope, PayloadTemplateEvaluator templates)
    {
        JsonNode result = state.parameters()
                .map(template -> templates.evaluate(template, input, scope.context(0)))
                .orElse(input);
        return new StateOutcome(DataFlow.resultPath(state.resultPath(), input, result), state.transition().next());
    }
}
