package io.duckstep.asl.intrinsic;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.stream.Collectors.toUnmodifiableMap;

/**
 * The intrinsic functions of the Amazon States Language (JSONPath mode) with how many arguments each takes.
 */
public enum IntrinsicFunction
{
    FORMAT("States.Format", 1, Integer.MAX_VALUE),
    STRING_TO_JSON("States.StringToJson", 1, 1),
    JSON_TO_STRING("States.JsonToString", 1, 1),
    ARRAY("States.Array", 0, Integer.MAX_VALUE),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2),
    ARRAY_RANGE("States.ArrayRange", 3, 3),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
    ARRAY_LENGTH("States.ArrayLength", 1, 1),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
    BASE64_ENCODE("States.Base64Encode", 1, 1),
    BASE64_DECODE("States.Base64Decode", 1, 1),
    HASH("States.Hash", 2, 2),
    JSON_MERGE("States.JsonMerge", 3, 3),
    MATH_RANDOM("States.MathRandom", 2, 3),
    MATH_ADD("States.MathAdd", 2, 2),
    STRING_SPLIT("States.StringSplit", 2, 2),
    UUID("States.UUID", 0, 0);

    private static final Map<String, IntrinsicFunction> BY_NAME = Arrays.stream(values())
            .collect(toUnmodifiableMap(IntrinsicFunction::functionName, Function.identity()));

    private final String functionName;
    private final int minimumArguments;
    private final int maximumArguments;

    IntrinsicFunction(String functionName, int minimumArguments, int maximumArguments)
    {
        this.functionName = functionName;
        this.minimumArguments = minimumArguments;
        this.maximumArguments = maximumArguments;
    }

    public static Optional<IntrinsicFunction> byName(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public String functionName()
    {
        return functionName;
    }

    public boolean acceptsArgumentCount(int count)
    {
        return count >= minimumArguments && count <= maximumArguments;
    }

    public String describeArity()
    {
        if (minimumArguments == maximumArguments) {
            return minimumArguments == 1 ? "exactly 1 argument" : "exactly " + minimumArguments + " arguments";
        }
        if (maximumArguments == Integer.MAX_VALUE) {
            return "at least " + minimumArguments + (minimumArguments == 1 ? " argument" : " arguments");
        }
        return minimumArguments + " to " + maximumArguments + " arguments";
    }
}
