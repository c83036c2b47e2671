package io.duckstep.core.error;

/**
 * DuckDB refused or failed to run a query (syntax error, unknown column, type error...).
 * The message carries DuckDB's own explanation.
 */
public final class QueryFailedException
        extends DuckStepException
{
    public QueryFailedException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
