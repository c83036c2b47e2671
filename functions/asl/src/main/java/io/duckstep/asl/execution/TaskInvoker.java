package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.duckstep.asl.TaskHandler;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls a Task state's handler: on the calling thread, or on the executor when the task has a
 * timeout, which then fails it with {@code States.Timeout} (and interrupts the handler).
 */
final class TaskInvoker
{
    private TaskInvoker() {}

    static JsonNode invoke(StateScope scope, String resource, JsonNode input, Optional<Duration> timeout)
    {
        ExecutionEnvironment environment = scope.environment();
        TaskHandler handler = environment.handlers().get(resource);
        if (handler == null) {
            throw new IllegalStateException("No task handler for the resource '" + resource + "'");
        }
        if (timeout.isEmpty()) {
            return call(handler, input, scope);
        }
        // Whoever claims first decides: the handler runs, or (cancelled before it started) it never will.
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Future<JsonNode> future = environment.executor().submit(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return NullNode.getInstance();
            }
            try {
                return call(handler, input, scope);
            }
            finally {
                finished.countDown();
            }
        });
        try {
            return future.get(timeout.get().toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            // as on AWS, a timed-out task is abandoned, not waited for
            future.cancel(true);
            throw new StateFailedException(ErrorNames.TIMEOUT, "The task did not finish within its timeout of " + timeout.get().toSeconds() + " seconds");
        }
        catch (InterruptedException e) {
            // the execution (or a failed sibling branch) cancels this state: nothing the handler does may happen after
            // the cancellation has been handled, so a handler already running is waited for
            future.cancel(true);
            if (!claimed.compareAndSet(false, true)) {
                awaitUninterruptibly(finished);
            }
            Thread.currentThread().interrupt();
            throw new ExecutionCancelledException();
        }
        catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static JsonNode call(TaskHandler handler, JsonNode input, StateScope scope)
    {
        JsonNode result;
        try {
            result = handler.handle(input.deepCopy());
        }
        catch (VirtualMachineError e) {
            throw e;
        }
        catch (Throwable e) {
            scope.cancellation().throwIfCancelled();
            throw LambdaErrors.toFailure(e);
        }
        scope.cancellation().throwIfCancelled();
        return result == null ? NullNode.getInstance() : result;
    }

    private static void awaitUninterruptibly(CountDownLatch latch)
    {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            }
            catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrow(Throwable cause)
    {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("Unexpected failure of a task handler call", cause);
    }
}
