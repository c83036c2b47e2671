package io.duckstep.core.error;

/**
 * A packaged query name that does not exist.
 */
public final class UnknownQueryException
        extends DuckStepException
{
    public UnknownQueryException(String message)
    {
        super(message);
    }
}
