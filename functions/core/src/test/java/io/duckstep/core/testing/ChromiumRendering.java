package io.duckstep.core.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a page in headless Chromium and reads back the DOM after its scripts ran. Skips the test when
 * Chromium is not installed, except on CI ({@code CI=true}), where it must be. The system property
 * {@code duckstep.chromium} names another executable (a missing one shows what a machine without Chromium reports).
 */
public record ChromiumRendering(String dom, int chartsRendered, int errors)
{
    private static final Path CHROMIUM = Path.of(System.getProperty("duckstep.chromium", "/usr/bin/chromium"));

    public static ChromiumRendering render(Path page)
    {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Chromium is required on CI: install the Debian package chromium");
            }
            Assumptions.abort("Chromium is not installed (apt-get install chromium)");
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            Path output = Files.createTempFile("chromium-dom-", ".html");
            Process process = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not finish rendering " + page);
            }
            String dom = Files.readString(output, StandardCharsets.UTF_8);
            return new ChromiumRendering(dom, attribute(dom, "data-charts-rendered"), attribute(dom, "data-errors"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int attribute(String dom, String name)
    {
        Matcher matcher = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
        if (!matcher.find()) {
            throw new AssertionError("The rendered page has no " + name + " attribute");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
