package io.duckstep.local.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs another program's {@code main} in this JVM and, when the JVM exits (also through {@code System.exit}),
 * writes {@code cpuMilliseconds peakResidentKilobytes} of the whole process to a file: how the benchmark measures
 * a command line run as a user would start it. Usage: {@code MeasuredMain REPORT_FILE MAIN_CLASS ARGUMENTS...}.
 */
public final class MeasuredMain
{
    private MeasuredMain() {}

    public static void main(String[] arguments)
            throws Throwable
    {
        Path report = Path.of(arguments[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(report, ProcessStatistics.cpuMilliseconds() + " " + ProcessStatistics.peakResidentKilobytes());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try {
            Class.forName(arguments[1]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(arguments, 2, arguments.length));
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
