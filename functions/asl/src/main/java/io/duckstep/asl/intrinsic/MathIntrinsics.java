package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * {@code States.MathRandom} and {@code States.MathAdd}.
 */
final class MathIntrinsics
{
    private MathIntrinsics() {}

    /** A random integer from the start (inclusive) to the end (exclusive); a seed makes it repeatable. */
    static JsonNode random(IntrinsicArguments arguments, RandomGenerator random)
    {
        long start = arguments.integer(0);
        long end = arguments.integer(1);
        if (start >= end) {
            throw arguments.failure("the start (" + start + ") must be less than the end (" + end + ")");
        }
        RandomGenerator generator = arguments.size() == 3 ? new Random(arguments.integer(2)) : random;
        return IntegerNodes.of(generator.nextLong(start, end));
    }

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
