package io.duckstep.lambda.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A Lambda function that runs one workflow task, the same way for every task: reads the task's input record from
 * the payload, runs the task, writes its output record back as JSON, inside {@link Observability#invocation} (the
 * run id the payload carries names the execution on the log lines). A failure is thrown as it is, so Lambda
 * reports its class name, which the state machine's {@code Retry} and {@code Catch} match.
 *
 * <p>A handler is a final subclass naming its workflow state, its input type and its task, and what it logs or
 * counts ({@link #succeeded}, {@link #failed}).
 *
 * @param <I> the task's input record
 * @param <O> the task's output record
 */
public abstract class JsonTaskHandler<I, O>
        implements RequestStreamHandler
{
    private final String state;
    private final Class<I> inputType;
    private final Function<? super I, ? extends O> task;

    /**
     * @param state the workflow state the function serves, on every log line
     */
    protected JsonTaskHandler(String state, Class<I> inputType, Function<? super I, ? extends O> task)
    {
        this.state = requireNonNull(state, "state is null");
        this.inputType = requireNonNull(inputType, "inputType is null");
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, state, () -> {
            I request = Observability.request(input, inputType);
            O result;
            try {
                result = task.apply(request);
            }
            catch (RuntimeException failure) {
                failed(request, failure);
                throw failure;
            }
            succeeded(request, result);
            LambdaJson.write(output, result);
        });
    }

    /** What the function logs or counts once the task succeeded, before its result is written; nothing by default. */
    protected void succeeded(I input, O output) {}

    /** What the function logs or counts when the task failed, before the failure is thrown on; nothing by default. */
    protected void failed(I input, RuntimeException failure) {}
}
