package io.duckstep.asl.definition;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.stream.Collectors.toUnmodifiableMap;

/**
 * The comparison operators of a Choice rule. Every operator of the string, numeric, boolean and
 * timestamp families also exists as a {@code ...Path} variant comparing with a value from the input.
 */
public enum ComparisonOperator
{
    STRING_EQUALS("StringEquals", Family.STRING, Relation.EQUAL),
    STRING_LESS_THAN("StringLessThan", Family.STRING, Relation.LESS_THAN),
    STRING_GREATER_THAN("StringGreaterThan", Family.STRING, Relation.GREATER_THAN),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Family.STRING, Relation.LESS_THAN_OR_EQUAL),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Family.STRING, Relation.GREATER_THAN_OR_EQUAL),
    STRING_MATCHES("StringMatches", Family.STRING_PATTERN, Relation.EQUAL),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, Relation.EQUAL),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, Relation.LESS_THAN),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, Relation.GREATER_THAN),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, Relation.LESS_THAN_OR_EQUAL),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, Relation.GREATER_THAN_OR_EQUAL),
    BOOLEAN_EQUALS("BooleanEquals", Family.BOOLEAN, Relation.EQUAL),
    TIMESTAMP_EQUALS("TimestampEquals", Family.TIMESTAMP, Relation.EQUAL),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Family.TIMESTAMP, Relation.LESS_THAN),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Family.TIMESTAMP, Relation.GREATER_THAN),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Family.TIMESTAMP, Relation.LESS_THAN_OR_EQUAL),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Family.TIMESTAMP, Relation.GREATER_THAN_OR_EQUAL),
    IS_PRESENT("IsPresent", Family.TYPE_TEST, Relation.EQUAL),
    IS_NULL("IsNull", Family.TYPE_TEST, Relation.EQUAL),
    IS_STRING("IsString", Family.TYPE_TEST, Relation.EQUAL),
    IS_NUMERIC("IsNumeric", Family.TYPE_TEST, Relation.EQUAL),
    IS_BOOLEAN("IsBoolean", Family.TYPE_TEST, Relation.EQUAL),
    IS_TIMESTAMP("IsTimestamp", Family.TYPE_TEST, Relation.EQUAL);

    public enum Family
    {
        STRING,
        STRING_PATTERN,
        NUMERIC,
        BOOLEAN,
        TIMESTAMP,
        TYPE_TEST,
    }

    public enum Relation
    {
        EQUAL,
        LESS_THAN,
        GREATER_THAN,
        LESS_THAN_OR_EQUAL,
        GREATER_THAN_OR_EQUAL;

        /** Whether a comparison result ({@code compareTo} sign) satisfies this relation. */
        public boolean holds(int comparison)
        {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case LESS_THAN -> comparison < 0;
                case GREATER_THAN -> comparison > 0;
                case LESS_THAN_OR_EQUAL -> comparison <= 0;
                case GREATER_THAN_OR_EQUAL -> comparison >= 0;
            };
        }
    }

    private static final Map<String, ComparisonOperator> BY_FIELD = Arrays.stream(values())
            .collect(toUnmodifiableMap(ComparisonOperator::fieldName, Function.identity()));

    private final String fieldName;
    private final Family family;
    private final Relation relation;

    ComparisonOperator(String fieldName, Family family, Relation relation)
    {
        this.fieldName = fieldName;
        this.family = family;
        this.relation = relation;
    }

    /** The operator a rule field names, without its {@code Path} suffix. */
    public static Optional<ComparisonOperator> byFieldName(String fieldName)
    {
        return Optional.ofNullable(BY_FIELD.get(fieldName));
    }

    public String fieldName()
    {
        return fieldName;
    }

    public Family family()
    {
        return family;
    }

    public Relation relation()
    {
        return relation;
    }

    /** Whether a {@code ...Path} variant of this operator exists. */
    public boolean hasPathVariant()
    {
        return family == Family.STRING || family == Family.NUMERIC || family == Family.BOOLEAN || family == Family.TIMESTAMP;
    }
}
