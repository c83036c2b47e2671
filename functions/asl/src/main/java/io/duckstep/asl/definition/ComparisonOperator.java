package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toUnmodifiableMap;

/**
 * The comparison operators of a Choice rule the project's workflows use.
 */
public enum ComparisonOperator
{
    IS_PRESENT("IsPresent"),
    STRING_EQUALS("StringEquals"),
    BOOLEAN_EQUALS("BooleanEquals"),
    NUMERIC_LESS_THAN("NumericLessThan");

    private static final Map<String, ComparisonOperator> BY_FIELD = Arrays.stream(values())
            .collect(toUnmodifiableMap(ComparisonOperator::fieldName, Function.identity()));

    private final String fieldName;

    ComparisonOperator(String fieldName)
    {
        this.fieldName = fieldName;
    }

    public static Optional<ComparisonOperator> byFieldName(String fieldName)
    {
        return Optional.ofNullable(BY_FIELD.get(fieldName));
    }

    /** The field names of every operator, for messages. */
    static String fieldNames()
    {
        return Arrays.stream(values()).map(ComparisonOperator::fieldName).collect(joining(", "));
    }

    public String fieldName()
    {
        return fieldName;
    }

    /** Whether {@code value} has the type this operator compares with. */
    boolean accepts(JsonNode value)
    {
        return switch (this) {
            case IS_PRESENT, BOOLEAN_EQUALS -> value.isBoolean();
            case STRING_EQUALS -> value.isTextual();
            case NUMERIC_LESS_THAN -> value.isNumber();
        };
    }

    /** The type this operator compares with, for messages. */
    String valueType()
    {
        return switch (this) {
            case IS_PRESENT, BOOLEAN_EQUALS -> "a boolean";
            case STRING_EQUALS -> "a string";
            case NUMERIC_LESS_THAN -> "a number";
        };
    }
}
