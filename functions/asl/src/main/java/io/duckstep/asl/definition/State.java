package io.duckstep.asl.definition;

/**
 * One state of a state machine, by its {@code Type}.
 */
public sealed interface State
        permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState
{
    String name();

    /** Calls the visitor's method for this state's type: a dispatch the compiler checks covers every type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per state type; adding a type to {@link State} breaks every visitor until it handles it. */
    interface Visitor<R>
    {
        R task(TaskState state);

        R pass(PassState state);

        R choice(ChoiceState state);

        R waitState(WaitState state);

        R succeed(SucceedState state);

        R fail(FailState state);

        R parallel(ParallelState state);

        R map(MapState state);
    }
}
