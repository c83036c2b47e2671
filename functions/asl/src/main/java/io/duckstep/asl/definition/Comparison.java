package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.path.JsonPath;

import static java.util.Objects.requireNonNull;

/**
 * A Choice comparison: {@code "Variable": ..., "<Operator>": value}.
 */
public record Comparison(JsonPath variable, ComparisonOperator operator, JsonNode value)
{
    public Comparison
    {
        requireNonNull(variable, "variable is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(value, "value is null");
    }
}
