package io.duckstep.local.cli;

/**
 * A command that ran but did not succeed (for example a workflow that failed); its message is what the user sees.
 */
public final class CommandFailedException
        extends RuntimeException
{
    public CommandFailedException(String message)
    {
        super(message);
    }
}
