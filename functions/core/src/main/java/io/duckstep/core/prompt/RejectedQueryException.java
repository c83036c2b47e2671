package io.duckstep.core.prompt;

import io.duckstep.core.error.DuckStepException;

/**
 * The SQL guard refused a query the model wrote. The message says why, in words the model can act on.
 */
public final class RejectedQueryException
        extends DuckStepException
{
    public RejectedQueryException(String message)
    {
        super(message);
    }
}
