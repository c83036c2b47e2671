package io.duckstep.local.cli;

import io.duckstep.local.runs.Durations;

import java.io.PrintWriter;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Progress lines on stderr for long steps.
 */
final class Progress
{
    private final PrintWriter err;

    Progress(PrintWriter err)
    {
        this.err = requireNonNull(err, "err is null");
    }

    void step(String message)
    {
        err.println("duckstep: " + message);
        err.flush();
    }

    void done(String message, long startNanos)
    {
        step(message + " (" + format(Duration.ofNanos(System.nanoTime() - startNanos)) + ")");
    }

    static String format(Duration duration)
    {
        return Durations.format(duration);
    }
}
