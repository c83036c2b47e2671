package io.duckstep.aws.clients;

/**
 * A secret that does not exist, cannot be read or has no value. The message names the secret, never a value.
 */
public final class UnavailableSecretException
        extends RuntimeException
{
    public UnavailableSecretException(String message)
    {
        super(message);
    }
}
