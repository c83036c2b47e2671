package io.duckstep.local.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time and peak resident memory, read from Linux's /proc (-1 elsewhere): the JVM and
 * DuckDB's native threads and memory together.
 */
final class ProcessStatistics
{
    /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every mainstream platform. */
    private static final long MILLISECONDS_PER_TICK = 10;

    private ProcessStatistics() {}

    /** User plus system CPU time of all the process's threads so far. */
    static long cpuMilliseconds()
    {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name (0-based: 11, 12)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLISECONDS_PER_TICK;
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The peak resident set (VmHWM). */
    static long peakResidentKilobytes()
    {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(-1L);
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
