package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.path.JsonPath;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parsed intrinsic function invocation or one of its arguments.
 */
public sealed interface IntrinsicExpression
        permits IntrinsicExpression.ValueLiteral, IntrinsicExpression.PathArgument, IntrinsicExpression.FunctionCall
{
    /**
     * The argument's value for a call of {@code caller}.
     *
     * @throws IntrinsicFailureException when a path matches nothing or a function rejects its arguments
     */
    JsonNode evaluate(IntrinsicFunction caller, JsonNode input, JsonNode context);

    /** A string (its escapes resolved), a number, {@code true}, {@code false} or {@code null}. */
    record ValueLiteral(JsonNode value)
            implements IntrinsicExpression
    {
        public ValueLiteral
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public JsonNode evaluate(IntrinsicFunction caller, JsonNode input, JsonNode context)
        {
            return value;
        }
    }

    /** A path into the input ({@code $}) or the context object ({@code $$}). */
    record PathArgument(JsonPath path)
            implements IntrinsicExpression
    {
        public PathArgument
        {
            requireNonNull(path, "path is null");
        }

        @Override
        public JsonNode evaluate(IntrinsicFunction caller, JsonNode input, JsonNode context)
        {
            return path.read(input, context)
                    .orElseThrow(() -> new IntrinsicFailureException(caller.functionName(),
                            "the path '" + path + "' could not be found in the " + (path.root() == JsonPath.Root.INPUT ? "input" : "context object")));
        }
    }

    /** {@code States.Name(argument, ...)}. */
    record FunctionCall(IntrinsicFunction function, List<IntrinsicExpression> arguments, String text)
            implements IntrinsicExpression
    {
        public FunctionCall
        {
            requireNonNull(function, "function is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            requireNonNull(text, "text is null");
        }

        /**
         * Evaluates the call against a state's input and the context object.
         *
         * @throws IntrinsicFailureException when an argument's path matches nothing or a function rejects its arguments
         */
        public JsonNode evaluate(JsonNode input, JsonNode context)
        {
            List<JsonNode> values = new ArrayList<>(arguments.size());
            for (IntrinsicExpression argument : arguments) {
                values.add(argument.evaluate(function, input, context));
            }
            return function.apply(new IntrinsicArguments(function, values));
        }

        @Override
        public JsonNode evaluate(IntrinsicFunction caller, JsonNode input, JsonNode context)
        {
            return evaluate(input, context);
        }
    }
}
