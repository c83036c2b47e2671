package io.duckstep.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, starting at a fixed instant.
 */
public final class TestingClock
        extends Clock
{
    private static final Instant START = Instant.parse("2026-12-01T21:00:00Z");

    private volatile Instant now = START;

    public void advance(Duration duration)
    {
        now = now.plus(duration);
    }

    /** How far the test has moved it. */
    public Duration elapsed()
    {
        return Duration.between(START, now);
    }

    @Override
    public ZoneId getZone()
    {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone)
    {
        return this;
    }

    @Override
    public Instant instant()
    {
        return now;
    }
}
