package io.duckstep.asl;

import java.time.Duration;

/**
 * Waits between retries. Tests inject one that records the durations instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper
{
    void sleep(Duration duration)
            throws InterruptedException;

    /** Really sleeps, on the calling thread. */
    static Sleeper system()
    {
        return duration -> {
            long millis = duration.toMillis();
            int nanos = duration.minusMillis(millis).getNano();
            Thread.sleep(millis, nanos);
        };
    }
}
