package io.duckstep.asl.path;

/**
 * A well-formed JSONPath using a construct the local runner does not evaluate, such as a filter
 * {@code [?(...)]}, a union {@code [0,1]} or a deep scan {@code ..}.
 */
public final class UnsupportedPathException
        extends IllegalArgumentException
{
    public UnsupportedPathException(String path, String construct)
    {
        super("Path '" + path + "' uses " + construct + ", which the local runner does not support");
    }
}
