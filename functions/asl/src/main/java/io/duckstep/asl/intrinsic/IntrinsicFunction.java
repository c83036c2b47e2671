package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toUnmodifiableMap;

/**
 * The intrinsic functions of the Amazon States Language (JSONPath mode) the project's workflows use,
 * with how many arguments each takes.
 */
public enum IntrinsicFunction
{
    MATH_ADD("States.MathAdd", 2);

    private static final Map<String, IntrinsicFunction> BY_NAME = Arrays.stream(values())
            .collect(toUnmodifiableMap(IntrinsicFunction::functionName, Function.identity()));

    private final String functionName;
    private final int argumentCount;

    IntrinsicFunction(String functionName, int argumentCount)
    {
        this.functionName = functionName;
        this.argumentCount = argumentCount;
    }

    public static Optional<IntrinsicFunction> byName(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The names of every function, for messages. */
    static String functionNames()
    {
        return Arrays.stream(values()).map(IntrinsicFunction::functionName).collect(joining(", "));
    }

    public String functionName()
    {
        return functionName;
    }

    public int argumentCount()
    {
        return argumentCount;
    }

    /**
     * @throws IntrinsicFailureException when the arguments have the wrong type or are out of range
     */
    JsonNode apply(IntrinsicArguments arguments)
    {
        return switch (this) {
            case MATH_ADD -> MathIntrinsics.add(arguments);
        };
    }
}
