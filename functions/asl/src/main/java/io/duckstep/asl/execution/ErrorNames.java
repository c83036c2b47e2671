package io.duckstep.asl.execution;

/**
 * The predefined error names of the Amazon States Language the local runner reports or matches.
 */
public final class ErrorNames
{
    /** Matches every error except {@link #RUNTIME}. */
    public static final String ALL = "States.ALL";
    /** Matches every error except {@link #TIMEOUT} and {@link #RUNTIME}. */
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    /** A path that matches nothing, an intrinsic function that fails: never retried, never caught. */
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

    private ErrorNames() {}
}
