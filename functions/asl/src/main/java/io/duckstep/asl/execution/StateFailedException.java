package io.duckstep.asl.execution;

import java.util.Optional;

/**
 * A state failed with an Amazon States Language error: a name (such as {@code States.Timeout} or a
 * Java exception's class name) and a cause. Retriers and catchers handle it by name.
 */
public final class StateFailedException
        extends RuntimeException
{
    private final String error;
    private final String cause;

    /**
     * @param error the error name, or {@code null} for a Fail state without an {@code Error}
     * @param cause the cause, or {@code null} when there is none
     */
    public StateFailedException(String error, String cause)
    {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
        this.error = error;
        this.cause = cause;
    }

    /** A {@code States.Runtime} error: never retried, never caught. */
    public static StateFailedException runtime(String cause)
    {
        return new StateFailedException(ErrorNames.RUNTIME, cause);
    }

    public Optional<String> error()
    {
        return Optional.ofNullable(error);
    }

    public Optional<String> errorCause()
    {
        return Optional.ofNullable(cause);
    }
}
