package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.duckstep.asl.TaskHandler;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls a Task state's handler: on the calling thread, or on the executor when the task has a
 * timeout, which then fails it with {@code States.Timeout} (and interrupts the handler). When the execution or
 * branch is cancelled meanwhile, the handler is interrupted and waited for, as it would be on the calling thread:
 * nothing it does (publishing a result) happens after the cancelled state has stopped.
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
        Optional<Semaphore> permits = environment.taskPermits();
        acquire(permits);
        try {
            if (timeout.isEmpty()) {
                return call(handler, input, scope);
            }
            Running running = new Running();
            Future<JsonNode> future = environment.executor().submit(() -> running.call(() -> call(handler, input, scope)));
            try {
                return future.get(timeout.get().toNanos(), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException e) {
                future.cancel(true);
                throw new StateFailedException(ErrorNames.TIMEOUT, "The task did not finish within its timeout of " + timeout.get().toSeconds() + " seconds");
            }
            catch (InterruptedException e) {
                future.cancel(true);
                running.abandonAndAwaitStopped();
                Thread.currentThread().interrupt();
                throw new ExecutionCancelledException();
            }
            catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
        finally {
            permits.ifPresent(Semaphore::release);
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

    private static void acquire(Optional<Semaphore> permits)
    {
        if (permits.isEmpty()) {
            return;
        }
        try {
            permits.get().acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionCancelledException();
        }
    }

    /** Whether the handler's call started and stopped; once abandoned, a call that has not started never does. */
    private static final class Running
    {
        private boolean started;
        private boolean stopped;
        private boolean abandoned;

        JsonNode call(Supplier<JsonNode> work)
        {
            synchronized (this) {
                if (abandoned) {
                    throw new ExecutionCancelledException();
                }
                started = true;
            }
            try {
                return work.get();
            }
            finally {
                synchronized (this) {
                    stopped = true;
                    notifyAll();
                }
            }
        }

        synchronized void abandonAndAwaitStopped()
        {
            abandoned = true;
            boolean interrupted = false;
            while (started && !stopped) {
                try {
                    wait();
                }
                catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
