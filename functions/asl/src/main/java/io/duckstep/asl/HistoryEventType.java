package io.duckstep.asl;

/**
 * The kinds of {@link HistoryEvent}.
 */
public enum HistoryEventType
{
    EXECUTION_STARTED,
    STATE_ENTERED,
    STATE_EXITED,
    /** A state failed with an error none of its retriers or catchers handled. */
    STATE_FAILED,
    EXECUTION_SUCCEEDED,
    EXECUTION_FAILED,
    EXECUTION_TIMED_OUT,
    EXECUTION_ABORTED,
}
