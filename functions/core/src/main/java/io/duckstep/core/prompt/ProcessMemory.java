package io.duckstep.core.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's memory from Linux's {@code /proc/<pid>/status}.
 */
final class ProcessMemory
{
    private ProcessMemory() {}

    /** Resident memory of the process now, in bytes, or -1 when it cannot be read (ended, or not Linux). */
    static long residentBytes(long pid)
    {
        long kilobytes = kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS");
        return kilobytes < 0 ? -1 : kilobytes * 1024;
    }

    /** A {@code kB} field of a status file, or -1. */
    static long kilobytes(Path status, String field)
    {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
