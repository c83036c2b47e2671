package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The evaluated arguments of one intrinsic function call, with typed accessors that report a
 * wrong type as an {@link IntrinsicFailureException} naming the function and the argument.
 */
final class IntrinsicArguments
{
    private final IntrinsicFunction function;
    private final List<JsonNode> values;

    IntrinsicArguments(IntrinsicFunction function, List<JsonNode> values)
    {
        this.function = requireNonNull(function, "function is null");
        this.values = List.copyOf(requireNonNull(values, "values is null"));
    }

    int size()
    {
        return values.size();
    }

    List<JsonNode> all()
    {
        return values;
    }

    JsonNode value(int index)
    {
        return values.get(index);
    }

    ArrayNode array(int index)
    {
        JsonNode value = values.get(index);
        if (!(value instanceof ArrayNode array)) {
            throw failure("argument " + (index + 1) + " must be an array but is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return array;
    }

    String string(int index)
    {
        JsonNode value = values.get(index);
        if (!value.isTextual()) {
            throw failure("argument " + (index + 1) + " must be a string but is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }

    /** An integer argument; a non-integer number is rounded to the nearest integer, as AWS Step Functions does. */
    long integer(int index)
    {
        JsonNode value = values.get(index);
        if (!value.isNumber()) {
            throw failure("argument " + (index + 1) + " must be a number but is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw failure("argument " + (index + 1) + " is out of range: " + value.asText());
            }
            return value.longValue();
        }
        return Math.round(value.doubleValue());
    }

    boolean bool(int index)
    {
        JsonNode value = values.get(index);
        if (!value.isBoolean()) {
            throw failure("argument " + (index + 1) + " must be a boolean but is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.booleanValue();
    }

    IntrinsicFailureException failure(String problem)
    {
        return new IntrinsicFailureException(function.functionName(), problem);
    }
}
