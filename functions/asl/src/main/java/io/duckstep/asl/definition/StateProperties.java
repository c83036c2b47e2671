package io.duckstep.asl.definition;

import java.util.Optional;

/**
 * Properties several state types share, read without caring about the type.
 */
public final class StateProperties
{
    private StateProperties() {}

    /** The {@code Next}/{@code End} of a Task, Pass, Wait, Parallel or Map state; empty for Choice, Succeed and Fail. */
    public static Optional<Transition> transition(State state)
    {
        if (state instanceof TaskState task) {
            return Optional.of(task.transition());
        }
        if (state instanceof PassState pass) {
            return Optional.of(pass.transition());
        }
        if (state instanceof WaitState wait) {
            return Optional.of(wait.transition());
        }
        if (state instanceof ParallelState parallel) {
            return Optional.of(parallel.transition());
        }
        if (state instanceof MapState map) {
            return Optional.of(map.transition());
        }
        return Optional.empty();
    }

    /** The {@code Retry} and {@code Catch} of a Task, Parallel or Map state; none for the others. */
    public static ErrorHandling errorHandling(State state)
    {
        if (state instanceof TaskState task) {
            return task.errorHandling();
        }
        if (state instanceof ParallelState parallel) {
            return parallel.errorHandling();
        }
        if (state instanceof MapState map) {
            return map.errorHandling();
        }
        return ErrorHandling.none();
    }

    /** Whether the graph can finish at this state: {@code "End": true}, Succeed or Fail. */
    public static boolean isTerminal(State state)
    {
        if (state instanceof SucceedState || state instanceof FailState) {
            return true;
        }
        return transition(state).map(Transition::isEnd).orElse(false);
    }
}
