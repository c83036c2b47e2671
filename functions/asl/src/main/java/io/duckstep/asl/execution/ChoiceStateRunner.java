package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.ChoiceState;

import java.util.Optional;

/**
 * A Choice state: the first matching rule's {@code Next}, else {@code Default}, else {@code States.NoChoiceMatched}.
 */
final class ChoiceStateRunner
{
    private ChoiceStateRunner() {}

    static StateOutcome run(ChoiceState state, JsonNode rawInput, StateScope scope)
    {
        ObjectNode context = scope.context(0);
        JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
        String next = ChoiceEvaluator.choose(state.choices(), effectiveInput, context)
                .or(state::defaultState)
                .orElseThrow(() -> new StateFailedException(ErrorNames.NO_CHOICE_MATCHED,
                        "No Choice rule of the state '" + state.name() + "' matched, and it has no Default"));
        return new StateOutcome(DataFlow.outputPath(state.outputPath(), effectiveInput, context), Optional.of(next));
    }
}
