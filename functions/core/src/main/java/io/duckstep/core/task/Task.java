package io.duckstep.core.task;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * One workflow task: its input record in, its output record out. A state machine's Task state sends the input as
 * JSON and takes the output back as JSON; the Lambda handler and the local runner adapt every task the same way,
 * reading {@link #inputType()} from the payload and writing what {@link #run} returns.
 *
 * @param <I> the input record, as the state's {@code Parameters} shape it
 * @param <O> the output record, what the state puts at its {@code ResultPath}
 */
public interface Task<I, O>
{
    /** The record the task's JSON payload is read as. */
    Class<I> inputType();

    O run(I input);

    /** A task made of a function, for adapting code that is not a task class (the model's client, a test's stand-in). */
    static <I, O> Task<I, O> of(Class<I> inputType, Function<? super I, ? extends O> run)
    {
        requireNonNull(inputType, "inputType is null");
        requireNonNull(run, "run is null");
        return new Task<>()
        {
            @Override
            public Class<I> inputType()
            {
                return inputType;
            }

            @Override
            public O run(I input)
            {
                return run.apply(input);
            }
        };
    }
}
