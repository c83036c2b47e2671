package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.FailState;
import io.duckstep.asl.definition.PayloadTemplate;
import io.duckstep.asl.definition.SucceedState;

import java.util.Locale;
import java.util.Optional;

/**
 * The states that end their graph: Succeed (with its filtered input as output) and Fail (with an
 * error and a cause, constant or read from its input).
 */
final class EndStateRunner
{
    private EndStateRunner() {}

    static StateOutcome succeed(SucceedState state, JsonNode rawInput, StateScope scope)
    {
        ObjectNode context = scope.context(0);
        JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
        return new StateOutcome(DataFlow.outputPath(state.outputPath(), effectiveInput, context), Optional.empty());
    }

    static StateOutcome fail(FailState state, JsonNode rawInput, StateScope scope, PayloadTemplateEvaluator templates)
    {
        ObjectNode context = scope.context(0);
        String error = state.error().map(template -> text(template, rawInput, context, templates, "ErrorPath")).orElse(null);
        String cause = state.cause().map(template -> text(template, rawInput, context, templates, "CausePath")).orElse(null);
        throw new StateFailedException(error, cause);
    }

    private static String text(PayloadTemplate template, JsonNode input, JsonNode context, PayloadTemplateEvaluator templates, String field)
    {
        JsonNode value = templates.evaluate(template, input, context);
        if (!value.isTextual()) {
            throw StateFailedException.runtime(field + " must select a string but selected " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }
}
