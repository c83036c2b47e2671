package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.HistoryEvent;
import io.duckstep.asl.HistoryEventType;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Records an execution's events, from any thread, and tells the listener.
 */
public final class ExecutionHistory
{
    private final Clock clock;
    private final ExecutionListener listener;
    private final List<HistoryEvent> events = new ArrayList<>();

    public ExecutionHistory(Clock clock, ExecutionListener listener)
    {
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    public void executionEvent(HistoryEventType type, Optional<String> error, Optional<String> cause)
    {
        record(new HistoryEvent(type, clock.instant(), Optional.empty(), Optional.empty(), error, cause));
    }

    void stateEntered(String stateName, JsonNode input)
    {
        record(new HistoryEvent(HistoryEventType.STATE_ENTERED, clock.instant(), Optional.of(stateName), Optional.empty(), Optional.empty(), Optional.empty()));
        listener.stateEntered(stateName, input);
    }

    void stateExited(String stateName, JsonNode output, Duration elapsed)
    {
        record(new HistoryEvent(HistoryEventType.STATE_EXITED, clock.instant(), Optional.of(stateName), Optional.of(elapsed), Optional.empty(), Optional.empty()));
        listener.stateExited(stateName, output, elapsed);
    }

    void stateFailed(String stateName, StateFailedException failure, Duration elapsed)
    {
        record(new HistoryEvent(HistoryEventType.STATE_FAILED, clock.instant(), Optional.of(stateName), Optional.of(elapsed), failure.error(), failure.errorCause()));
        listener.stateFailed(stateName, failure.error().orElse(null), failure.errorCause().orElse(null), elapsed);
    }

    void stateRetrying(String stateName, StateFailedException failure, int retryCount, Duration delay)
    {
        listener.stateRetrying(stateName, failure.error().orElse(null), retryCount, delay);
    }

    public List<HistoryEvent> events()
    {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private void record(HistoryEvent event)
    {
        synchronized (events) {
            events.add(event);
        }
    }
}
