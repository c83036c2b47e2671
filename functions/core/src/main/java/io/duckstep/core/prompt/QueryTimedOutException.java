package io.duckstep.core.prompt;

import io.duckstep.core.error.DuckStepException;

/**
 * A sandboxed query ran past its wall-clock limit and was interrupted.
 */
public final class QueryTimedOutException
        extends DuckStepException
{
    public QueryTimedOutException(String message)
    {
        super(message);
    }
}
