package io.duckstep.core.task;

/**
 * One workflow task: its input record in, its output record out. A state machine's Task state sends the input as
 * JSON and takes the output back as JSON; the Lambda handler and the local runner adapt every task the same way,
 * reading the payload as the input record and writing what {@link #run} returns.
 *
 * @param <I> the input record, as the state's {@code Parameters} shape it
 * @param <O> the output record, what the state puts at its {@code ResultPath}
 */
@FunctionalInterface
public interface Task<I, O>
{
    O run(I input);
}
