package io.duckstep.asl.execution;

/**
 * Cancellation of a piece of an execution. A child token is cancelled when its parent is; the
 * threads doing the work are interrupted separately, this token tells them to stop even when an
 * interruption was swallowed.
 */
public final class CancellationToken
{
    private final CancellationToken parent;
    private volatile boolean cancelled;

    private CancellationToken(CancellationToken parent)
    {
        this.parent = parent;
    }

    public static CancellationToken root()
    {
        return new CancellationToken(null);
    }

    public CancellationToken child()
    {
        return new CancellationToken(this);
    }

    public void cancel()
    {
        cancelled = true;
    }

    public boolean isCancelled()
    {
        return cancelled || (parent != null && parent.isCancelled());
    }

    public void throwIfCancelled()
    {
        if (isCancelled()) {
            throw new ExecutionCancelledException();
        }
    }
}
