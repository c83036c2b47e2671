package io.duckstep.asl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A sleeper that records each requested duration and returns at once.
 */
final class RecordingSleeper
        implements Sleeper
{
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration)
    {
        sleeps.add(duration);
    }

    synchronized List<Duration> sleeps()
    {
        return List.copyOf(sleeps);
    }
}
