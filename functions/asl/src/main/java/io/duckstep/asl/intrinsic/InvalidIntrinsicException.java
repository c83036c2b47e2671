package io.duckstep.asl.intrinsic;

/**
 * An intrinsic function invocation that is not well-formed: a syntax error, an open escape or a
 * wrong number of arguments.
 */
public final class InvalidIntrinsicException
        extends IllegalArgumentException
{
    public InvalidIntrinsicException(String expression, String problem)
    {
        super("Invalid intrinsic function invocation '" + expression + "': " + problem);
    }
}
