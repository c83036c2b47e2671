package io.duckstep.asl.intrinsic;

/**
 * An intrinsic function the local runner does not know, or a mode of a known one it does not implement.
 */
public final class UnsupportedIntrinsicException
        extends IllegalArgumentException
{
    public UnsupportedIntrinsicException(String expression, String problem)
    {
        super("Unsupported intrinsic function invocation '" + expression + "': " + problem);
    }
}
