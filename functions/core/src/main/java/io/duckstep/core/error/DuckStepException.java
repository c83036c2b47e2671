package io.duckstep.core.error;

/**
 * Base of every error DuckStep raises on purpose. All are unchecked; a state machine
 * {@code Retry}s or {@code Catch}es them by their fully-qualified class name, which is
 * the error name AWS Lambda reports for a Java exception (and what the local runner reports too).
 */
public abstract class DuckStepException
        extends RuntimeException
{
    protected DuckStepException(String message)
    {
        super(message);
    }

    protected DuckStepException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
