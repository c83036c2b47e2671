package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.definition.ChoiceBranch;
import io.duckstep.asl.definition.Comparison;

import java.util.List;
import java.util.Optional;

/**
 * Evaluates Choice rules. A comparison whose variable has the wrong type for its operator does not
 * match; a {@code Variable} that matches nothing is a {@code States.Runtime} error, except for {@code IsPresent}.
 */
final class ChoiceEvaluator
{
    private ChoiceEvaluator() {}

    /** The {@code Next} of the first branch whose comparisons all hold. */
    static Optional<String> choose(List<ChoiceBranch> branches, JsonNode input, JsonNode context)
    {
        for (ChoiceBranch branch : branches) {
            if (branch.comparisons().stream().allMatch(comparison -> holds(comparison, input, context))) {
                return Optional.of(branch.next());
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Comparison comparison, JsonNode input, JsonNode context)
    {
        Optional<JsonNode> variable = comparison.variable().read(input, context);
        JsonNode expected = comparison.value();
        return switch (comparison.operator()) {
            case IS_PRESENT -> variable.isPresent() == expected.booleanValue();
            case STRING_EQUALS -> {
                JsonNode value = required(variable, comparison);
                yield value.isTextual() && value.textValue().equals(expected.textValue());
            }
            case BOOLEAN_EQUALS -> {
                JsonNode value = required(variable, comparison);
                yield value.isBoolean() && value.booleanValue() == expected.booleanValue();
            }
            case NUMERIC_LESS_THAN -> {
                JsonNode value = required(variable, comparison);
                yield value.isNumber() && value.decimalValue().compareTo(expected.decimalValue()) < 0;
            }
        };
    }

    private static JsonNode required(Optional<JsonNode> variable, Comparison comparison)
    {
        return variable.orElseThrow(() -> StateFailedException.runtime("Invalid path '" + comparison.variable()
                + "': the Choice rule's Variable matches nothing in the state input"));
    }
}
