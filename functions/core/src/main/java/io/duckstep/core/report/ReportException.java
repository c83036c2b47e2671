package io.duckstep.core.report;

import io.duckstep.core.error.DuckStepException;

/**
 * The report cannot be built from the results it was given (a result is missing, or is not the summary query's shape).
 */
public final class ReportException
        extends DuckStepException
{
    public ReportException(String message)
    {
        super(message);
    }

    public ReportException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
