package io.duckstep.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

class SkippedTestsListenerTest
{
    @Test
    void execute_abortedAndDisabledTests_recordsEachWithItsReason(@TempDir Path directory)
            throws IOException
    {
        Path report = directory.resolve(SkippedTestsListener.REPORT);

        run(SomeTestsSkip.class, report);

        assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).containsExactlyInAnyOrder(
                "Chromium is not installed (apt-get install chromium)\tSkippedTestsListenerTest$SomeTestsSkip.render_noChromium_aborts",
                "Package not built (run mvn package)\tSkippedTestsListenerTest$SomeTestsSkip.package_notBuilt_aborts [1] kind=query",
                "Package not built (run mvn package)\tSkippedTestsListenerTest$SomeTestsSkip.package_notBuilt_aborts [2] kind=report",
                "not ready\tSkippedTestsListenerTest$SomeTestsSkip.disabled_always_isSkipped",
                "node is missing\tSkippedTestsListenerTest$SomeTestsSkip.assume_false_aborts");
    }

    @Test
    void execute_noTestSkips_writesNothing(@TempDir Path directory)
            throws IOException
    {
        Path report = directory.resolve(SkippedTestsListener.REPORT);

        run(NoTestSkips.class, report);

        assertThat(report).doesNotExist();
        assertThat(SkippedTestsSummary.summary(report)).isEmpty();
    }

    @Test
    void summary_recordedSkips_isOneWarningLineNamingEachReasonOnce(@TempDir Path directory)
            throws IOException
    {
        Path report = directory.resolve(SkippedTestsListener.REPORT);
        run(SomeTestsSkip.class, report);

        String summary = SkippedTestsSummary.summary(report).orElseThrow();

        assertThat(summary).doesNotContain("\n").startsWith("[WARNING] Skipped 5 tests: ").endsWith(" - listed in " + report);
        assertThat(summary).contains("SkippedTestsListenerTest$SomeTestsSkip.render_noChromium_aborts (Chromium is not installed (apt-get install chromium))");
        assertThat(summary).contains("SkippedTestsListenerTest$SomeTestsSkip.package_notBuilt_aborts x2 (Package not built (run mvn package))");
        assertThat(summary).contains("SkippedTestsListenerTest$SomeTestsSkip.disabled_always_isSkipped (not ready)");
        assertThat(summary).contains("SkippedTestsListenerTest$SomeTestsSkip.assume_false_aborts (node is missing)");
    }

    private static void run(Class<?> testClass, Path report)
    {
        // Only the listener under test: the one registered by META-INF/services would write to the real project's report.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new SkippedTestsListener(Optional.of(report)))
                .build());
        launcher.execute(request().selectors(selectClass(testClass)).build());
    }

    // Nested classes are not run by surefire (its default excludes **/*$*), only through run() above.
    static class SomeTestsSkip
    {
        @Test
        void render_noChromium_aborts()
        {
            Assumptions.abort("Chromium is not installed (apt-get install chromium)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"query", "report"})
        void package_notBuilt_aborts(String kind)
        {
            Assumptions.abort("Package not built (run mvn package)");
        }

        @Test
        @Disabled("not ready")
        void disabled_always_isSkipped() {}

        @Test
        void assume_false_aborts()
        {
            Assumptions.assumeTrue(false, "node is missing");
        }

        @Test
        void passes_always_isNotRecorded() {}
    }

    static class NoTestSkips
    {
        @Test
        void passes_always_isNotRecorded() {}
    }
}
