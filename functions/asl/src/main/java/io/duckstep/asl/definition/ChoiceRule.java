package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.path.JsonPath;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A Choice rule: a comparison of a variable, or {@code And}, {@code Or}, {@code Not} of rules.
 */
public sealed interface ChoiceRule
        permits ChoiceRule.And, ChoiceRule.Or, ChoiceRule.Not, ChoiceRule.Comparison
{
    record And(List<ChoiceRule> rules)
            implements ChoiceRule
    {
        public And
        {
            rules = List.copyOf(requireNonNull(rules, "rules is null"));
        }
    }

    record Or(List<ChoiceRule> rules)
            implements ChoiceRule
    {
        public Or
        {
            rules = List.copyOf(requireNonNull(rules, "rules is null"));
        }
    }

    record Not(ChoiceRule rule)
            implements ChoiceRule
    {
        public Not
        {
            requireNonNull(rule, "rule is null");
        }
    }

    /**
     * {@code "Variable": ..., "<Operator>": operand}.
     */
    record Comparison(JsonPath variable, ComparisonOperator operator, Operand operand)
            implements ChoiceRule
    {
        public Comparison
        {
            requireNonNull(variable, "variable is null");
            requireNonNull(operator, "operator is null");
            requireNonNull(operand, "operand is null");
        }
    }

    /** What a comparison compares the variable with. */
    sealed interface Operand
            permits LiteralOperand, PathOperand
    {
    }

    /** A value written in the definition. */
    record LiteralOperand(JsonNode value)
            implements Operand
    {
        public LiteralOperand
        {
            requireNonNull(value, "value is null");
        }
    }

    /** A value read from the state's input or the context object ({@code ...Path} operators). */
    record PathOperand(JsonPath path)
            implements Operand
    {
        public PathOperand
        {
            requireNonNull(path, "path is null");
        }
    }
}
