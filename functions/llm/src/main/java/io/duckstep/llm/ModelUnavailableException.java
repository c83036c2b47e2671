package io.duckstep.llm;

/**
 * The model endpoint could not be used: it kept failing after the SDK's retries, timed out, or refused the key.
 * The message never carries the key.
 */
public final class ModelUnavailableException
        extends RuntimeException
{
    public ModelUnavailableException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
