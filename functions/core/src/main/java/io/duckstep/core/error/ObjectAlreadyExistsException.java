package io.duckstep.core.error;

/**
 * A create-only write found an object already at the location; nothing was overwritten.
 */
public final class ObjectAlreadyExistsException
        extends StorageException
{
    public ObjectAlreadyExistsException(String location)
    {
        super("Object already exists and was not overwritten: " + location);
    }
}
