package io.duckstep.core.error;

/**
 * Reading or writing an object in storage failed.
 */
public class StorageException
        extends DuckStepException
{
    public StorageException(String message)
    {
        super(message);
    }

    public StorageException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
