package io.duckstep.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Appends every test or container that was skipped or aborted (a missing Chromium, Node.js, asl-validator or Lambda
 * package) to {@code <project root>/target/skipped-tests.txt}, one line each: the reason, a tab, the test. Registered
 * for every module that has this module on its test class path (META-INF/services); the last module of the build
 * prints the file's lines as one warning ({@link SkippedTestsSummary}) and CI fails when it is not empty.
 */
public final class SkippedTestsListener
        implements TestExecutionListener
{
    public static final String REPORT = "target/skipped-tests.txt";
    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    private final Optional<Path> report;

    public SkippedTestsListener()
    {
        this(ProjectRoot.lookUp().map(root -> root.resolve(REPORT)));
    }

    public SkippedTestsListener(Optional<Path> report)
    {
        this.report = requireNonNull(report, "report is null");
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason)
    {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result)
    {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted without a reason"));
        }
    }

    private void record(TestIdentifier test, String reason)
    {
        if (report.isEmpty()) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        if (why.startsWith(ASSUMPTION_PREFIX)) {
            why = why.substring(ASSUMPTION_PREFIX.length());
        }
        String line = oneLine(why) + "\t" + oneLine(name(test)) + System.lineSeparator();
        try {
            Files.createDirectories(report.get().getParent());
            Files.writeString(report.get(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot record the skipped test " + test.getDisplayName() + " in " + report.get(), e);
        }
    }

    private static String name(TestIdentifier test)
    {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            String name = simpleName(method.getClassName()) + "." + method.getMethodName();
            return test.getDisplayName().startsWith(method.getMethodName()) ? name : name + " " + test.getDisplayName();
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className)
    {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String oneLine(String text)
    {
        return text.replaceAll("\\s*[\\r\\n\\t]+\\s*", " ");
    }
}
