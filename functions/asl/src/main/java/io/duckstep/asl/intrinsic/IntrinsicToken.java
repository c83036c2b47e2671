package io.duckstep.asl.intrinsic;

import static java.util.Objects.requireNonNull;

/**
 * A token of an intrinsic function invocation.
 *
 * @param text for {@link Type#STRING} the text between the quotes as written (escapes intact),
 * otherwise the token as written
 * @param position offset of the token's first character in the invocation
 */
record IntrinsicToken(Type type, String text, int position)
{
    enum Type
    {
        /** A dotted identifier such as {@code States.MathAdd}, {@code true}, {@code false} or {@code null}. */
        IDENTIFIER,
        OPEN_PARENTHESIS,
        CLOSE_PARENTHESIS,
        COMMA,
        STRING,
        NUMBER,
        PATH,
        END,
    }

    IntrinsicToken
    {
        requireNonNull(type, "type is null");
        requireNonNull(text, "text is null");
    }

    String describe()
    {
        return type == Type.END ? "the end of the invocation" : "'" + text + "' at position " + position;
    }
}
