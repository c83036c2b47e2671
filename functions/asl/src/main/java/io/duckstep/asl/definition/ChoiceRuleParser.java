package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parses the rules of a Choice state: a comparison ({@code Variable} plus one operator) or an
 * {@code And} of rules. {@code Or}, {@code Not}, the {@code ...Path} operators and every operator
 * the workflows do not use are refused.
 */
final class ChoiceRuleParser
{
    private static final Set<String> STRUCTURAL_FIELDS = Set.of("Comment", "Next", "Variable", "And");
    private static final Set<String> UNSUPPORTED_COMBINATORS = Set.of("Or", "Not");
    private static final Set<String> JSONATA_FIELDS = Set.of("Condition", "Assign", "Output");

    private ChoiceRuleParser() {}

    static ChoiceBranch parseBranch(DefinitionObject rule)
    {
        String next = rule.requiredString("Next");
        List<Comparison> comparisons = new ArrayList<>();
        parseRule(rule, comparisons);
        return new ChoiceBranch(comparisons, next);
    }

    private static void parseRule(DefinitionObject rule, List<Comparison> comparisons)
    {
        List<String> operators = new ArrayList<>();
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (UNSUPPORTED_COMBINATORS.contains(name)) {
                throw rule.unsupported(name, name + " rules are not supported by the local runner; only And is");
            }
            if (JSONATA_FIELDS.contains(name)) {
                throw rule.unsupported(name, "JSONata Choice rules are not supported; use the JSONPath query language");
            }
            if (!STRUCTURAL_FIELDS.contains(name)) {
                operators.add(name);
            }
        }
        if (rule.has("And")) {
            if (!operators.isEmpty() || rule.has("Variable")) {
                throw rule.invalidObject("a rule with And must have nothing else but Next and Comment");
            }
            ArrayNode array = rule.requiredNonEmptyArray("And");
            for (int i = 0; i < array.size(); i++) {
                DefinitionObject nested = rule.element("And", i, array.get(i));
                if (nested.has("Next")) {
                    throw nested.invalid("Next", "only top-level Choice rules have a Next; nested rules must not");
                }
                parseRule(nested, comparisons);
            }
            return;
        }
        if (operators.isEmpty()) {
            throw rule.invalidObject("a rule needs a Variable and a comparison operator, or And");
        }
        if (operators.size() > 1) {
            throw rule.invalidObject("a rule must have exactly one comparison operator but has " + operators);
        }
        comparisons.add(comparison(rule, operators.get(0)));
    }

    private static Comparison comparison(DefinitionObject rule, String field)
    {
        ComparisonOperator operator = ComparisonOperator.byFieldName(field)
                .orElseThrow(() -> rule.unsupported(field, "unsupported Choice operator '" + field + "'; the local runner implements "
                        + ComparisonOperator.fieldNames()));
        if (!rule.has("Variable")) {
            throw rule.invalid("Variable", "is required by the comparison operator " + field);
        }
        JsonNode value = rule.get(field);
        if (!operator.accepts(value)) {
            throw rule.invalid(field, "must be " + operator.valueType());
        }
        return new Comparison(rule.path("Variable"), operator, value);
    }
}
