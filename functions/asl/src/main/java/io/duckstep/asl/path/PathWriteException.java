package io.duckstep.asl.path;

/**
 * A value cannot be placed at a reference path in a document, for example {@code $.a.b} when
 * {@code $.a} is a string.
 */
public final class PathWriteException
        extends RuntimeException
{
    public PathWriteException(String message)
    {
        super(message);
    }
}
