package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A task handler that throws the given exceptions on its first calls, then returns its input.
 */
final class FailingHandler
        implements TaskHandler
{
    private final Deque<Exception> failures;
    private int calls;

    FailingHandler(List<Exception> failures)
    {
        this.failures = new ArrayDeque<>(failures);
    }

    @Override
    public synchronized JsonNode handle(JsonNode input)
            throws Exception
    {
        calls++;
        Exception failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        return input;
    }

    synchronized int calls()
    {
        return calls;
    }
}
