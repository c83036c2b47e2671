package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs Parallel branches on the executor, all at once, and returns their outputs in their own order. The first failure cancels the others (their
 * cancellation token is set and their threads interrupted), waits until those already running have
 * stopped, and is rethrown: nothing a cancelled branch does can happen after the state has failed
 * (a Catch that cleans up after the failure runs last).
 */
final class ConcurrentRunner
{
    private record IndexedOutput(int index, JsonNode output) {}

    private ConcurrentRunner() {}

    static List<JsonNode> runAll(ExecutorService executor, List<Function<CancellationToken, JsonNode>> work, CancellationToken parent)
    {
        int count = work.size();
        if (count == 0) {
            return List.of();
        }
        CancellationToken group = parent.child();
        CompletionService<IndexedOutput> completion = new ExecutorCompletionService<>(executor);
        Running active = new Running();
        List<Future<IndexedOutput>> futures = new ArrayList<>(count);
        JsonNode[] outputs = new JsonNode[count];
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(completion.submit(() -> active.run(group, () -> new IndexedOutput(index, work.get(index).apply(group)))));
            }
            for (int completed = 0; completed < count; completed++) {
                IndexedOutput output = completion.take().get();
                outputs[output.index()] = output.output();
            }
            return Arrays.asList(outputs);
        }
        catch (ExecutionException e) {
            cancel(group, futures);
            active.awaitNone();
            parent.throwIfCancelled();
            throw rethrow(e.getCause());
        }
        catch (InterruptedException e) {
            cancel(group, futures);
            Thread.currentThread().interrupt();
            throw new ExecutionCancelledException();
        }
    }

    /** Counts the work items that started and have not finished; none starts once the group is cancelled. */
    private static final class Running
    {
        private int count;

        IndexedOutput run(CancellationToken group, Supplier<IndexedOutput> work)
        {
            synchronized (this) {
                group.throwIfCancelled();
                count++;
            }
            try {
                return work.get();
            }
            finally {
                synchronized (this) {
                    count--;
                    notifyAll();
                }
            }
        }

        synchronized void awaitNone()
        {
            boolean interrupted = false;
            while (count > 0) {
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

    private static void cancel(CancellationToken group, List<Future<IndexedOutput>> futures)
    {
        group.cancel();
        futures.forEach(future -> future.cancel(true));
    }

    private static RuntimeException rethrow(Throwable cause)
    {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("Unexpected failure of concurrent work", cause);
    }
}
