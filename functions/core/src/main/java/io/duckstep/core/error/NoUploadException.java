package io.duckstep.core.error;

/**
 * A run was started without naming an upload, and there is no upload to take.
 */
public final class NoUploadException
        extends DuckStepException
{
    public NoUploadException(String message)
    {
        super(message);
    }
}
