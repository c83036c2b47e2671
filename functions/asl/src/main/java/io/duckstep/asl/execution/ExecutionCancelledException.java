package io.duckstep.asl.execution;

/**
 * The work was cancelled: a sibling Parallel branch failed, the execution timed
 * out or its caller was interrupted. Never retried or caught; it unwinds the cancelled work.
 */
public final class ExecutionCancelledException
        extends RuntimeException
{
    public ExecutionCancelledException()
    {
        super("The work was cancelled", null, false, false);
    }
}
