package io.duckstep.core.error;

/**
 * Validating or preparing an upload failed for a reason that is not the upload's: DuckDB ran out of memory,
 * reading or writing a local file failed, or the work was interrupted. Retryable, and never a reason to
 * quarantine the upload (that is {@link InvalidInputException}, which this deliberately does not extend).
 * The message says what happened and, where there is one, what to change (for example the memory limit).
 */
public final class ValidationFaultException
        extends DuckStepException
{
    public ValidationFaultException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
