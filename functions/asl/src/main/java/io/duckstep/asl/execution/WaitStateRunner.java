package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.Timestamps;
import io.duckstep.asl.definition.WaitDuration;
import io.duckstep.asl.definition.WaitState;

import java.time.Duration;
import java.time.Instant;

/**
 * A Wait state: waits through the sleeper ({@code Seconds}, or until a {@code Timestamp}; a
 * timestamp in the past does not wait), then passes its effective input on.
 */
final class WaitStateRunner
{
    private WaitStateRunner() {}

    static StateOutcome run(WaitState state, JsonNode rawInput, StateScope scope)
    {
        ObjectNode context = scope.context(0);
        JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
        Duration duration = duration(state.duration(), effectiveInput, context, scope.environment().clock().instant());
        if (!duration.isZero() && !duration.isNegative()) {
            ErrorHandlingRunner.sleep(scope.environment(), duration);
        }
        return new StateOutcome(DataFlow.outputPath(state.outputPath(), effectiveInput, context), state.transition().next());
    }

    private static Duration duration(WaitDuration duration, JsonNode input, JsonNode context, Instant now)
    {
        if (duration instanceof WaitDuration.Seconds seconds) {
            return Duration.ofSeconds(seconds.seconds());
        }
        if (duration instanceof WaitDuration.Timestamp timestamp) {
            return Duration.between(now, timestamp.timestamp());
        }
        if (duration instanceof WaitDuration.SecondsPath path) {
            JsonNode value = DataFlow.read(path.path(), input, context, "SecondsPath");
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw StateFailedException.runtime("SecondsPath '" + path.path() + "' must select a non-negative integer but selected " + value);
            }
            return Duration.ofSeconds(value.longValue());
        }
        WaitDuration.TimestampPath path = (WaitDuration.TimestampPath) duration;
        JsonNode value = DataFlow.read(path.path(), input, context, "TimestampPath");
        Instant timestamp = value.isTextual() ? Timestamps.parse(value.textValue()).orElse(null) : null;
        if (timestamp == null) {
            throw StateFailedException.runtime("TimestampPath '" + path.path() + "' must select an RFC 3339 timestamp but selected " + value);
        }
        return Duration.between(now, timestamp);
    }
}
