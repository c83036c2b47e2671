package io.duckstep.asl.definition;

import java.util.Map;
import java.util.Optional;

/**
 * One state of a state machine, by its {@code Type}: the types the project's workflows use.
 */
public sealed interface State
        permits TaskState, PassState, ChoiceState, FailState, ParallelState
{
    String name();

    /** Every state this one can go to, keyed by the field that names it, for example {@code Next} or {@code Catch[0].Next}. */
    Map<String, String> targets();

    /** Whether its graph can finish at this state: {@code "End": true}, or a Fail state. */
    boolean isTerminal();

    /** The graphs inside this state, keyed by where they are, for example {@code Branches[1]}; none but for Parallel. */
    default Map<String, StateGraph> nestedGraphs()
    {
        return Map.of();
    }

    /** The {@code Resource} of a Task state; empty for the others. */
    default Optional<String> taskResource()
    {
        return Optional.empty();
    }

    /** Calls the visitor's method for this state's type: a dispatch the compiler checks covers every type. */
    <R> R accept(Visitor<R> visitor);

    /** One method per state type; adding a type to {@link State} breaks every visitor until it handles it. */
    interface Visitor<R>
    {
        R task(TaskState state);

        R pass(PassState state);

        R choice(ChoiceState state);

        R fail(FailState state);

        R parallel(ParallelState state);
    }
}
