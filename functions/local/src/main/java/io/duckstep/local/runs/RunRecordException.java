package io.duckstep.local.runs;

import io.duckstep.core.error.DuckStepException;

/**
 * A run's manifest or history cannot be read; the message names the file.
 */
public final class RunRecordException
        extends DuckStepException
{
    public RunRecordException(String message)
    {
        super(message);
    }

    public RunRecordException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
