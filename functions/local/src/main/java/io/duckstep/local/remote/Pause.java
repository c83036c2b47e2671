package io.duckstep.local.remote;

import java.time.Duration;

/**
 * How a remote command waits between two polls; tests pass one that does not sleep.
 */
@FunctionalInterface
public interface Pause
{
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration)
            throws InterruptedException;
}
