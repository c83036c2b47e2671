package io.duckstep.asl.path;

/**
 * A path that is not well-formed JSONPath, for example {@code $.a[} or {@code a.b}.
 */
public final class InvalidPathException
        extends IllegalArgumentException
{
    public InvalidPathException(String path, String problem)
    {
        super("Invalid path '" + path + "': " + problem);
    }
}
