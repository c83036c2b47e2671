package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.duckstep.asl.path.JsonPath;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the rules of a Choice state: comparisons ({@code Variable} plus one operator, or its
 * {@code ...Path} variant) and the {@code And}, {@code Or} and {@code Not} combinators.
 */
final class ChoiceRuleParser
{
    private static final Set<String> STRUCTURAL_FIELDS = Set.of("Comment", "Next", "Variable", "And", "Or", "Not");
    private static final Set<String> JSONATA_FIELDS = Set.of("Condition", "Assign", "Output");
    private static final String PATH_SUFFIX = "Path";

    private ChoiceRuleParser() {}

    static ChoiceBranch parseBranch(DefinitionObject rule)
    {
        String next = rule.requiredString("Next");
        return new ChoiceBranch(parseRule(rule), next);
    }

    private static ChoiceRule parseNested(DefinitionObject rule)
    {
        if (rule.has("Next")) {
            throw rule.invalid("Next", "only top-level Choice rules have a Next; nested rules must not");
        }
        return parseRule(rule);
    }

    private static ChoiceRule parseRule(DefinitionObject rule)
    {
        List<String> combinators = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("And") || name.equals("Or") || name.equals("Not")) {
                combinators.add(name);
            }
            else if (!STRUCTURAL_FIELDS.contains(name)) {
                operators.add(name);
            }
        }
        if (!combinators.isEmpty()) {
            if (combinators.size() > 1 || !operators.isEmpty() || rule.has("Variable")) {
                throw rule.invalidObject("a rule with And, Or or Not must have nothing else but Next and Comment");
            }
            return combinator(rule, combinators.get(0));
        }
        if (operators.isEmpty()) {
            throw rule.invalidObject("a rule needs a Variable and a comparison operator, or And, Or or Not");
        }
        for (String operator : operators) {
            if (JSONATA_FIELDS.contains(operator)) {
                throw rule.unsupported(operator, "JSONata Choice rules are not supported; use the JSONPath query language");
            }
        }
        if (operators.size() > 1) {
            throw rule.invalidObject("a rule must have exactly one comparison operator but has " + operators);
        }
        return comparison(rule, operators.get(0));
    }

    private static ChoiceRule combinator(DefinitionObject rule, String name)
    {
        if (name.equals("Not")) {
            return new ChoiceRule.Not(parseNested(rule.nested("Not", rule.get("Not"))));
        }
        ArrayNode array = rule.requiredNonEmptyArray(name);
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            rules.add(parseNested(rule.element(name, i, array.get(i))));
        }
        return name.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }

    private static ChoiceRule comparison(DefinitionObject rule, String field)
    {
        Optional<ComparisonOperator> literalOperator = ComparisonOperator.byFieldName(field);
        Optional<ComparisonOperator> pathOperator = field.endsWith(PATH_SUFFIX)
                ? ComparisonOperator.byFieldName(field.substring(0, field.length() - PATH_SUFFIX.length())).filter(ComparisonOperator::hasPathVariant)
                : Optional.empty();
        if (literalOperator.isEmpty() && pathOperator.isEmpty()) {
            throw rule.unsupported(field, "unsupported Choice operator '" + field + "'");
        }
        if (!rule.has("Variable")) {
            throw rule.invalid("Variable", "is required by the comparison operator " + field);
        }
        JsonPath variable = rule.path("Variable");
        if (pathOperator.isPresent()) {
            return new ChoiceRule.Comparison(variable, pathOperator.get(), new ChoiceRule.PathOperand(rule.definitePath(field)));
        }
        ComparisonOperator operator = literalOperator.get();
        return new ChoiceRule.Comparison(variable, operator, new ChoiceRule.LiteralOperand(literal(rule, field, operator)));
    }

    private static JsonNode literal(DefinitionObject rule, String field, ComparisonOperator operator)
    {
        JsonNode value = rule.get(field);
        boolean valid = switch (operator.family()) {
            case STRING, STRING_PATTERN -> value.isTextual();
            case NUMERIC -> value.isNumber();
            case BOOLEAN, TYPE_TEST -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
        };
        if (!valid) {
            throw rule.invalid(field, "must be " + switch (operator.family()) {
                case STRING, STRING_PATTERN -> "a string";
                case NUMERIC -> "a number";
                case BOOLEAN, TYPE_TEST -> "a boolean";
                case TIMESTAMP -> "an RFC 3339 timestamp such as 2016-03-14T01:59:00Z";
            });
        }
        return value;
    }
}
