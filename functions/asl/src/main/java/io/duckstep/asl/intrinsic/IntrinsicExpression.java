package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.path.JsonPath;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parsed intrinsic function invocation or one of its arguments.
 */
public sealed interface IntrinsicExpression
        permits IntrinsicExpression.StringLiteral, IntrinsicExpression.ValueLiteral, IntrinsicExpression.PathArgument, IntrinsicExpression.FunctionCall
{
    /**
     * A quoted string argument.
     *
     * @param value the string with its escapes resolved
     * @param escapedText the text between the quotes as written, which {@code States.Format} needs
     * to tell an escaped brace from a placeholder
     */
    record StringLiteral(String value, String escapedText)
            implements IntrinsicExpression
    {
        public StringLiteral
        {
            requireNonNull(value, "value is null");
            requireNonNull(escapedText, "escapedText is null");
        }
    }

    /** A number, {@code true}, {@code false} or {@code null}. */
    record ValueLiteral(JsonNode value)
            implements IntrinsicExpression
    {
        public ValueLiteral
        {
            requireNonNull(value, "value is null");
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
    }
}
