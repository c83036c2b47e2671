package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.definition.ChoiceBranch;
import io.duckstep.asl.definition.ChoiceRule;
import io.duckstep.asl.definition.ComparisonOperator;
import io.duckstep.asl.definition.Timestamps;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates Choice rules. A comparison whose values have the wrong type for its operator does not
 * match; a {@code Variable} (or {@code ...Path} operand) that matches nothing is a {@code States.Runtime}
 * error, except for {@code IsPresent}.
 */
final class ChoiceEvaluator
{
    private ChoiceEvaluator() {}

    /** The {@code Next} of the first matching branch. */
    static Optional<String> choose(List<ChoiceBranch> branches, JsonNode input, JsonNode context)
    {
        for (ChoiceBranch branch : branches) {
            if (matches(branch.rule(), input, context)) {
                return Optional.of(branch.next());
            }
        }
        return Optional.empty();
    }

    static boolean matches(ChoiceRule rule, JsonNode input, JsonNode context)
    {
        if (rule instanceof ChoiceRule.And and) {
            return and.rules().stream().allMatch(nested -> matches(nested, input, context));
        }
        if (rule instanceof ChoiceRule.Or or) {
            return or.rules().stream().anyMatch(nested -> matches(nested, input, context));
        }
        if (rule instanceof ChoiceRule.Not not) {
            return !matches(not.rule(), input, context);
        }
        return compare((ChoiceRule.Comparison) rule, input, context);
    }

    private static boolean compare(ChoiceRule.Comparison comparison, JsonNode input, JsonNode context)
    {
        ComparisonOperator operator = comparison.operator();
        if (operator == ComparisonOperator.IS_PRESENT) {
            boolean present = comparison.variable().read(input, context).isPresent();
            return present == expectedTypeTest(comparison);
        }
        JsonNode value = comparison.variable().read(input, context)
                .orElseThrow(() -> StateFailedException.runtime("Invalid path '" + comparison.variable()
                        + "': the Choice rule's Variable matches nothing in the state input"));
        if (operator.family() == ComparisonOperator.Family.TYPE_TEST) {
            return typeTest(operator, value) == expectedTypeTest(comparison);
        }
        JsonNode operand = operand(comparison, input, context);
        return switch (operator.family()) {
            case STRING -> value.isTextual() && operand.isTextual()
                    && operator.relation().holds(compareCodePoints(value.textValue(), operand.textValue()));
            case STRING_PATTERN -> value.isTextual() && StringPattern.matches(operand.textValue(), value.textValue());
            case NUMERIC -> value.isNumber() && operand.isNumber()
                    && operator.relation().holds(value.decimalValue().compareTo(operand.decimalValue()));
            case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> compareTimestamps(operator, value, operand);
            case TYPE_TEST -> throw new IllegalStateException("type tests are handled above");
        };
    }

    private static JsonNode operand(ChoiceRule.Comparison comparison, JsonNode input, JsonNode context)
    {
        if (comparison.operand() instanceof ChoiceRule.LiteralOperand literal) {
            return literal.value();
        }
        ChoiceRule.PathOperand path = (ChoiceRule.PathOperand) comparison.operand();
        return DataFlow.read(path.path(), input, context, comparison.operator().fieldName() + "Path");
    }

    private static boolean expectedTypeTest(ChoiceRule.Comparison comparison)
    {
        return ((ChoiceRule.LiteralOperand) comparison.operand()).value().booleanValue();
    }

    private static boolean typeTest(ComparisonOperator operator, JsonNode value)
    {
        return switch (operator) {
            case IS_NULL -> value.isNull();
            case IS_STRING -> value.isTextual();
            case IS_NUMERIC -> value.isNumber();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
            default -> throw new IllegalArgumentException("Not a type test: " + operator);
        };
    }

    private static boolean compareTimestamps(ComparisonOperator operator, JsonNode value, JsonNode operand)
    {
        if (!value.isTextual() || !operand.isTextual()) {
            return false;
        }
        Optional<Instant> left = Timestamps.parse(value.textValue());
        Optional<Instant> right = Timestamps.parse(operand.textValue());
        return left.isPresent() && right.isPresent() && operator.relation().holds(left.get().compareTo(right.get()));
    }

    /** Lexical order by Unicode code point. */
    static int compareCodePoints(String left, String right)
    {
        int leftIndex = 0;
        int rightIndex = 0;
        while (leftIndex < left.length() && rightIndex < right.length()) {
            int leftCodePoint = left.codePointAt(leftIndex);
            int rightCodePoint = right.codePointAt(rightIndex);
            if (leftCodePoint != rightCodePoint) {
                return Integer.compare(leftCodePoint, rightCodePoint);
            }
            leftIndex += Character.charCount(leftCodePoint);
            rightIndex += Character.charCount(rightCodePoint);
        }
        return Integer.compare(left.length() - leftIndex, right.length() - rightIndex);
    }
}
