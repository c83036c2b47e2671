package io.duckstep.local.cli;

import io.duckstep.local.testing.TestingExtensionRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duckstep extensions install|download} against a stand-in repository on 127.0.0.1. DuckDB verifies signatures
 * when it installs, so a stand-in file is never installed: install is tested through DuckDB's refusal; download
 * checks the file's metadata footer and is tested end to end.
 */
class ExtensionsCommandTest
{
    // the pinned engine, as DuckDB names it in repository paths (MotherDuckCompatibilityTest checks the pin)
    private static final String VERSION = "v1.5.6";

    @TempDir
    Path directory;

    @Test
    void help_installAndDownload_describeThemselves()
    {
        for (String command : new String[] {"install", "download"}) {
            Result result = run("extensions", command, "--help");
            assertThat(result.code()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: duckstep extensions " + command).contains("--repository");
        }
        assertThat(run("extensions", "download", "--help").out()).contains("--platform").contains("--out");
    }

    @Test
    void install_standInFileWithoutDuckDbSignature_isRefusedByDuckDbAndNothingIsInstalled()
    {
        try (TestingExtensionRepository repository = new TestingExtensionRepository()) {
            String platform = platform();
            repository.serve(VERSION, platform, "motherduck", TestingExtensionRepository.standInExtension(platform, VERSION));

            Result result = run("extensions", "install", "motherduck", "--repository", repository.url());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).startsWith("duckstep install: cannot install motherduck from " + repository.url() + "/" + VERSION + "/" + platform + "/motherduck.duckdb_extension.gz")
                    .contains("valid signature")
                    .contains("DuckDB installs only extensions signed by DuckDB; nothing was installed");
            // DuckDB fetched it from the stand-in repository, and then refused it
            assertThat(repository.requests()).containsExactly("/" + VERSION + "/" + platform + "/motherduck.duckdb_extension.gz");
            assertThat(directory.resolve("work/extensions/" + VERSION + "/" + platform + "/motherduck.duckdb_extension")).doesNotExist();
        }
    }

    @Test
    void install_repositoryWithoutTheExtension_failsNamingTheUrl()
    {
        try (TestingExtensionRepository repository = new TestingExtensionRepository()) {
            Result result = run("extensions", "install", "motherduck", "--repository", repository.url());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("cannot install motherduck from " + repository.url() + "/" + VERSION + "/").contains("Failed to download");
        }
    }

    @Test
    void install_otherExtension_isRefused()
    {
        Result result = run("extensions", "install", "httpfs");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("duckstep install: only the motherduck extension can be installed or downloaded, not 'httpfs'");
    }

    @Test
    void download_linuxArm64_writesTheFileInExtensionDirectoryLayoutAndSaysWhatAndWhere()
            throws Exception
    {
        try (TestingExtensionRepository repository = new TestingExtensionRepository()) {
            byte[] file = TestingExtensionRepository.standInExtension("linux_arm64", VERSION);
            repository.serve(VERSION, "linux_arm64", "motherduck", file);
            Path out = directory.resolve("extensions");

            Result result = run("extensions", "download", "motherduck", "--platform", "linux_arm64", "--out", out.toString(), "--repository", repository.url());

            Path target = out.resolve(VERSION).resolve("linux_arm64").resolve("motherduck.duckdb_extension");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(Files.readAllBytes(target)).isEqualTo(file);
            assertThat(result.out()).contains("fetched " + repository.url() + "/" + VERSION + "/linux_arm64/motherduck.duckdb_extension.gz")
                    .contains("wrote " + target.toAbsolutePath())
                    .contains("motherduck v0.0.0-stand-in for DuckDB " + VERSION + " on linux_arm64");
        }
    }

    @Test
    void download_fileBuiltForAnotherPlatformOrVersion_isRefusedNamingBothAndNothingIsWritten()
    {
        try (TestingExtensionRepository repository = new TestingExtensionRepository()) {
            repository.serve(VERSION, "linux_arm64", "motherduck", TestingExtensionRepository.standInExtension("linux_amd64", "v1.4.1"));
            Path out = directory.resolve("extensions");

            Result result = run("extensions", "download", "motherduck", "--platform", "linux_arm64", "--out", out.toString(), "--repository", repository.url());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("it is built for DuckDB v1.4.1 on linux_amd64, but DuckStep needs DuckDB " + VERSION + " on linux_arm64");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void download_missingFromTheRepository_failsWithTheUrlAndStatus()
    {
        try (TestingExtensionRepository repository = new TestingExtensionRepository()) {
            Result result = run("extensions", "download", "motherduck", "--platform", "linux_arm64", "--out", directory.toString(), "--repository", repository.url());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).contains("cannot download " + repository.url() + "/" + VERSION + "/linux_arm64/motherduck.duckdb_extension.gz: HTTP 404");
        }
    }

    private String platform()
    {
        try (var connection = new io.duckstep.core.duckdb.DuckDb(new io.duckstep.core.duckdb.DuckDbSettings("100MB", 1, directory.resolve("probe"))).openInMemory();
                var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT platform FROM pragma_platform()")) {
            row.next();
            return row.getString(1);
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Result run(String... arguments)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DuckStepCommand.execute(arguments, new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("DUCKSTEP_WORK_DIRECTORY", directory.resolve("work").toString()));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
