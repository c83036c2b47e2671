package io.duckstep.local.runs;

import java.time.Duration;

/**
 * How the command line prints a duration, in local and remote progress lines alike.
 */
public final class Durations
{
    private Durations() {}

    /** Milliseconds under a second, else seconds with one decimal. */
    public static String format(Duration duration)
    {
        long milliseconds = duration.toMillis();
        return milliseconds < 1000 ? milliseconds + " ms" : String.format("%.1f s", milliseconds / 1000.0);
    }
}
