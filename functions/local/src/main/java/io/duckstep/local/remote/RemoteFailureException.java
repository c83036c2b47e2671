package io.duckstep.local.remote;

import io.duckstep.core.error.DuckStepException;

/**
 * A remote command could not do its work: no credentials, no such stack, AWS refused a call. The message
 * is one line naming what is missing; the SDK's exception is the cause, shown only with {@code --verbose}.
 */
public final class RemoteFailureException
        extends DuckStepException
{
    public RemoteFailureException(String message)
    {
        super(message);
    }

    public RemoteFailureException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
