package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code States.MathAdd}.
 */
final class MathIntrinsics
{
    private MathIntrinsics() {}

    static JsonNode add(IntrinsicArguments arguments)
    {
        long first = integerInRange(arguments, 0);
        long second = integerInRange(arguments, 1);
        return IntegerNodes.of(first + second);
    }

    private static long integerInRange(IntrinsicArguments arguments, int index)
    {
        long value = arguments.integer(index);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw arguments.failure("argument " + (index + 1) + " must be between -2147483648 and 2147483647 but is " + value);
        }
        return value;
    }
}
