package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.definition.ChoiceState;

import java.util.Optional;

/**
 * A Choice state: the first matching rule's {@code Next}, else {@code Default}, else {@code States.NoChoiceMatched}.
 * Its output is its input.
 */
final class ChoiceStateRunner
{
    private ChoiceStateRunner() {}

    static StateOutcome run(ChoiceState state, JsonNode input, StateScope scope)
    {
        String next = ChoiceEvaluator.choose(state.choices(), input, scope.context(0))
                .or(state::defaultState)
                .orElseThrow(() -> new StateFailedException(ErrorNames.NO_CHOICE_MATCHED,
                        "No Choice rule of the state '" + state.name() + "' matched, and it has no Default"));
        return new StateOutcome(input, Optional.of(next));
    }
}
