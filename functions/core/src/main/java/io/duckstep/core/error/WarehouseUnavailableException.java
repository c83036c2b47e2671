package io.duckstep.core.error;

/**
 * The warehouse cannot be opened: the DuckDB file is missing, or the MotherDuck extension
 * cannot be loaded or authenticated. Never carries a token.
 */
public final class WarehouseUnavailableException
        extends DuckStepException
{
    public WarehouseUnavailableException(String message)
    {
        super(message);
    }

    public WarehouseUnavailableException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
