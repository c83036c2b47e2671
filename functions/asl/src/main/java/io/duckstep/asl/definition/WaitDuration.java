package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How long a Wait state waits: exactly one of {@code Seconds}, {@code SecondsPath}, {@code Timestamp}, {@code TimestampPath}.
 */
public sealed interface WaitDuration
        permits WaitDuration.Seconds, WaitDuration.SecondsPath, WaitDuration.Timestamp, WaitDuration.TimestampPath
{
    record Seconds(long seconds)
            implements WaitDuration
    {
    }

    record SecondsPath(JsonPath path)
            implements WaitDuration
    {
        public SecondsPath
        {
            requireNonNull(path, "path is null");
        }
    }

    record Timestamp(Instant timestamp)
            implements WaitDuration
    {
        public Timestamp
        {
            requireNonNull(timestamp, "timestamp is null");
        }
    }

    record TimestampPath(JsonPath path)
            implements WaitDuration
    {
        public TimestampPath
        {
            requireNonNull(path, "path is null");
        }
    }
}
