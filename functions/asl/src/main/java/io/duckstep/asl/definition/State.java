package io.duckstep.asl.definition;

/**
 * One state of a state machine, by its {@code Type}.
 */
public sealed interface State
        permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState
{
    String name();
}
