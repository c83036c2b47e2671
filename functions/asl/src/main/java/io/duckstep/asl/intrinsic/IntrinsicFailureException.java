package io.duckstep.asl.intrinsic;

/**
 * An intrinsic function failed on the data it was given, for example {@code States.ArrayGetItem}
 * with an index past the end of the array.
 */
public final class IntrinsicFailureException
        extends RuntimeException
{
    public IntrinsicFailureException(String functionName, String problem)
    {
        super(functionName + ": " + problem);
    }
}
