package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.FailState;
import io.duckstep.asl.path.JsonPath;

import java.util.Locale;

/**
 * A Fail state: ends its graph with an error and a cause read from its input.
 */
final class FailStateRunner
{
    private FailStateRunner() {}

    static StateOutcome run(FailState state, JsonNode rawInput, StateScope scope)
    {
        ObjectNode context = scope.context(0);
        String error = state.errorPath().map(path -> text(path, rawInput, context, "ErrorPath")).orElse(null);
        String cause = state.causePath().map(path -> text(path, rawInput, context, "CausePath")).orElse(null);
        throw new StateFailedException(error, cause);
    }

    private static String text(JsonPath path, JsonNode input, JsonNode context, String field)
    {
        JsonNode value = DataFlow.readField(path, input, context, field);
        if (!value.isTextual()) {
            throw StateFailedException.runtime(field + " must select a string but selected " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }
}
