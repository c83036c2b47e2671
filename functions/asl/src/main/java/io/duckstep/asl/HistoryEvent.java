package io.duckstep.asl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One event of an execution's history.
 *
 * @param stateName the state, for state events
 * @param elapsed how long the state ran, for {@link HistoryEventType#STATE_EXITED} and {@link HistoryEventType#STATE_FAILED}
 * @param error the error name, for failures
 * @param cause the error's cause, for failures that have one
 */
public record HistoryEvent(
        HistoryEventType type,
        Instant timestamp,
        Optional<String> stateName,
        Optional<Duration> elapsed,
        Optional<String> error,
        Optional<String> cause)
{
    public HistoryEvent
    {
        requireNonNull(type, "type is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(stateName, "stateName is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }
}
