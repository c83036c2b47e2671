package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a state's {@code Retry} and {@code Catch} fields.
 */
final class ErrorHandlingParser
{
    static final String ALL_ERRORS = "States.ALL";

    private static final Set<String> RETRIER_FIELDS = Set.of(
            "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private ErrorHandlingParser() {}

    static ErrorHandling parse(DefinitionObject state)
    {
        return new ErrorHandling(retriers(state), catchers(state));
    }

    private static List<Retrier> retriers(DefinitionObject state)
    {
        if (!state.has("Retry")) {
            return List.of();
        }
        ArrayNode array = array(state, "Retry");
        List<Retrier> retriers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            DefinitionObject retrier = state.element("Retry", i, array.get(i));
            retrier.checkFields(RETRIER_FIELDS, Set.of(), "a retrier");
            List<String> errorEquals = errorEquals(retrier, i == array.size() - 1);
            double backoffRate = retrier.optionalNumber("BackoffRate").orElse(Retrier.DEFAULT_BACKOFF_RATE);
            if (backoffRate < 1.0) {
                throw retrier.invalid("BackoffRate", "must be at least 1.0 but is " + backoffRate);
            }
            retriers.add(new Retrier(
                    errorEquals,
                    retrier.optionalInteger("IntervalSeconds", 1).orElse(Retrier.DEFAULT_INTERVAL_SECONDS),
                    retrier.optionalInteger("MaxAttempts", 0).orElse(Retrier.DEFAULT_MAX_ATTEMPTS),
                    backoffRate,
                    retrier.optionalInteger("MaxDelaySeconds", 1),
                    jitterStrategy(retrier)));
        }
        return retriers;
    }

    private static List<Catcher> catchers(DefinitionObject state)
    {
        if (!state.has("Catch")) {
            return List.of();
        }
        ArrayNode array = array(state, "Catch");
        List<Catcher> catchers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            DefinitionObject catcher = state.element("Catch", i, array.get(i));
            catcher.checkFields(CATCHER_FIELDS, Set.of(), "a catcher");
            catchers.add(new Catcher(
                    errorEquals(catcher, i == array.size() - 1),
                    catcher.requiredString("Next"),
                    catcher.referencePathOrNull("ResultPath")));
        }
        return catchers;
    }

    private static ArrayNode array(DefinitionObject state, String field)
    {
        JsonNode value = state.get(field);
        if (!(value instanceof ArrayNode array)) {
            throw state.invalid(field, "must be a JSON array");
        }
        return array;
    }

    private static List<String> errorEquals(DefinitionObject handler, boolean last)
    {
        ArrayNode array = handler.requiredNonEmptyArray("ErrorEquals");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode name = array.get(i);
            if (!name.isTextual() || name.textValue().isEmpty()) {
                throw handler.invalid("ErrorEquals[" + i + "]", "must be a non-empty error name");
            }
            names.add(name.textValue());
        }
        if (names.contains(ALL_ERRORS)) {
            if (names.size() > 1) {
                throw handler.invalid("ErrorEquals", ALL_ERRORS + " must appear alone in ErrorEquals");
            }
            if (!last) {
                throw handler.invalid("ErrorEquals", ALL_ERRORS + " must appear only in the last entry");
            }
        }
        return names;
    }

    private static JitterStrategy jitterStrategy(DefinitionObject retrier)
    {
        Optional<String> value = retrier.optionalString("JitterStrategy");
        if (value.isEmpty()) {
            return JitterStrategy.NONE;
        }
        return switch (value.get()) {
            case "FULL" -> JitterStrategy.FULL;
            case "NONE" -> JitterStrategy.NONE;
            default -> throw retrier.invalid("JitterStrategy", "must be FULL or NONE but is '" + value.get() + "'");
        };
    }
}
