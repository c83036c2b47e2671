package io.duckstep.asl;

/**
 * How an execution ended.
 */
public enum ExecutionStatus
{
    SUCCEEDED,
    FAILED,
    /** The state machine's own {@code TimeoutSeconds} elapsed. */
    TIMED_OUT,
    /** The thread waiting for the execution was interrupted; the execution was stopped. */
    ABORTED,
}
