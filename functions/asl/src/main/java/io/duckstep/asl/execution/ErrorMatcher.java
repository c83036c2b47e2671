package io.duckstep.asl.execution;

import java.util.List;

/**
 * Decides whether a retrier's or catcher's {@code ErrorEquals} covers an error, as AWS Step Functions does:
 * {@code States.ALL} matches every error, {@code States.TaskFailed} every error but {@code States.Timeout},
 * and {@code States.Runtime} is never matched.
 */
final class ErrorMatcher
{
    private ErrorMatcher() {}

    /**
     * @param error the error name, or {@code null} for a Fail state without an {@code Error}
     */
    static boolean matches(List<String> errorEquals, String error)
    {
        if (ErrorNames.RUNTIME.equals(error)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(ErrorNames.ALL) || name.equals(error)) {
                return true;
            }
            if (name.equals(ErrorNames.TASK_FAILED) && !ErrorNames.TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
