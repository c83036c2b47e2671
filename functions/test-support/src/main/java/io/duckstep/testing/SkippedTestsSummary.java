package io.duckstep.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints what {@link SkippedTestsListener} recorded during the build as one warning line, each reason (which says what
 * to install) once with the tests it skipped. Run by the last module of the build, in the verify phase.
 */
public final class SkippedTestsSummary
{
    private SkippedTestsSummary() {}

    /** {@code args[0]}: the project root. */
    public static void main(String[] args)
            throws IOException
    {
        Path report = Path.of(args.length > 0 ? args[0] : ".").resolve(SkippedTestsListener.REPORT);
        summary(report).ifPresent(System.out::println);
    }

    /** The warning line, or empty when nothing was skipped. */
    public static Optional<String> summary(Path report)
            throws IOException
    {
        if (!Files.isRegularFile(report)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Integer>> testsByReason = new LinkedHashMap<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            String reason = tab < 0 ? line : line.substring(0, tab);
            String test = tab < 0 ? "?" : line.substring(tab + 1);
            int space = test.indexOf(' ');
            String testMethod = space < 0 ? test : test.substring(0, space);
            testsByReason.computeIfAbsent(reason, ignored -> new LinkedHashMap<>()).merge(testMethod, 1, Integer::sum);
        }
        StringBuilder summary = new StringBuilder("[WARNING] Skipped ").append(lines.size()).append(lines.size() == 1 ? " test: " : " tests: ");
        String separator = "";
        for (Map.Entry<String, Map<String, Integer>> entry : testsByReason.entrySet()) {
            summary.append(separator);
            String testSeparator = "";
            for (Map.Entry<String, Integer> test : entry.getValue().entrySet()) {
                summary.append(testSeparator).append(test.getKey());
                if (test.getValue() > 1) {
                    summary.append(" x").append(test.getValue());
                }
                testSeparator = ", ";
            }
            summary.append(" (").append(entry.getKey()).append(")");
            separator = "; ";
        }
        summary.append(" - listed in ").append(report);
        return Optional.of(summary.toString());
    }
}
