package io.duckstep.core.secrets;

import io.duckstep.core.error.DuckStepException;

/**
 * A secret is missing, empty, or its store cannot be reached. The message names the secret, never its value.
 */
public final class SecretUnavailableException
        extends DuckStepException
{
    public SecretUnavailableException(String message)
    {
        super(message);
    }

    public SecretUnavailableException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
