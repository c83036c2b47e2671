package io.duckstep.core.error;

/**
 * The object named by a storage location does not exist.
 */
public final class ObjectNotFoundException
        extends StorageException
{
    public ObjectNotFoundException(String location)
    {
        super("No such object: " + location);
    }
}
