package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

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

    IntrinsicFailureException failure(String problem)
    {
        return new IntrinsicFailureException(function.functionName(), problem);
    }
}
