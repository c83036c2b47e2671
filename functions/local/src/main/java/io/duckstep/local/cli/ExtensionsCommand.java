package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.duckdb.SqlText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * {@code duckstep extensions install|download}: the only way DuckStep gets a DuckDB extension, explicitly and once.
 * Only {@code motherduck} is offered. DuckDB verifies the signature of everything it installs or loads
 * ({@code allow_unsigned_extensions} stays false), so a file from anywhere else is refused.
 */
@Command(
        name = "extensions",
        description = "Install or download a DuckDB extension (only motherduck), explicitly: DuckStep never installs one by itself.",
        subcommands = {ExtensionsCommand.Install.class, ExtensionsCommand.Download.class})
final class ExtensionsCommand
        extends HelpOptions
        implements Runnable
{
    static final String DEFAULT_REPOSITORY = "http://extensions.duckdb.org";
    static final String MOTHERDUCK = "motherduck";

    @Spec
    CommandSpec specification;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(specification.commandLine(), "Missing command: install or download");
    }

    /** The engine's version as DuckDB names it in repositories ({@code v1.5.6}) and this machine's platform. */
    record Engine(String version, String platform)
    {
        static Engine of(Connection connection)
                throws SQLException
        {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT (SELECT library_version FROM pragma_version()), (SELECT platform FROM pragma_platform())")) {
                row.next();
                return new Engine(row.getString(1), row.getString(2));
            }
        }

        String url(String repository, String platform)
        {
            return repository.replaceAll("/+$", "") + "/" + version + "/" + platform + "/" + MOTHERDUCK + ".duckdb_extension.gz";
        }
    }

    static String extensionName(String name)
    {
        if (!name.equals(MOTHERDUCK)) {
            throw new CommandFailedException("only the motherduck extension can be installed or downloaded, not '" + name + "'");
        }
        return name;
    }

    @Command(
            name = "install",
            description = {
                    "Install a DuckDB extension into DuckStep's extension directory (DUCKSTEP_EXTENSION_DIRECTORY, else <DUCKSTEP_WORK_DIRECTORY>/extensions),",
                    "from DuckDB's official signed repository, for this DuckDB version and this machine. Run it once; md:DATABASE warehouses need it.",
                    "Example: duckstep extensions install motherduck"
            })
    static final class Install
            extends HelpOptions
            implements Callable<Integer>
    {
        @Spec
        CommandSpec specification;

        @Parameters(index = "0", paramLabel = "EXTENSION", description = "the extension: motherduck")
        String name;

        @Option(names = "--repository", paramLabel = "URL", defaultValue = DEFAULT_REPOSITORY, description = "the extension repository (default: ${DEFAULT-VALUE}, DuckDB's official one)")
        String repository;

        @Override
        public Integer call()
        {
            extensionName(name);
            DuckDbSettings settings = CommandDefaults.duckDbSettings();
            try (Connection connection = new DuckDb(settings).openInMemory();
                    Statement statement = connection.createStatement()) {
                Engine engine = Engine.of(connection);
                String url = engine.url(repository, engine.platform());
                Installed before = installed(statement);
                if (before.installed()) {
                    specification.commandLine().getOut().println(MOTHERDUCK + " " + before.version() + " is already installed: " + before.path());
                    return 0;
                }
                try {
                    statement.execute("INSTALL " + MOTHERDUCK + " FROM " + SqlText.literal(repository));
                }
                catch (SQLException e) {
                    throw new CommandFailedException("cannot install " + MOTHERDUCK + " from " + url + ": " + e.getMessage().strip()
                            + (e.getMessage().contains("signature") ? " (DuckDB installs only extensions signed by DuckDB; nothing was installed)" : ""));
                }
                Installed after = installed(statement);
                specification.commandLine().getOut().println("fetched " + url + "\ninstalled " + MOTHERDUCK + " " + after.version()
                        + " for DuckDB " + engine.version() + " (" + engine.platform() + ") into " + after.path());
                return 0;
            }
            catch (SQLException e) {
                throw new CommandFailedException("cannot use DuckDB's extension directory " + settings.extensionDirectory() + ": " + e.getMessage());
            }
        }

        private record Installed(boolean installed, String path, String version) {}

        private static Installed installed(Statement statement)
                throws SQLException
        {
            try (ResultSet row = statement.executeQuery("SELECT installed, install_path, extension_version FROM duckdb_extensions() WHERE extension_name = "
                    + SqlText.literal(MOTHERDUCK))) {
                if (!row.next()) {
                    return new Installed(false, "", "");
                }
                return new Installed(row.getBoolean(1), row.getString(2), row.getString(3));
            }
        }
    }

    @Command(
            name = "download",
            description = {
                    "Download a DuckDB extension file for this DuckDB version and another platform, for the AWS deployment:",
                    "it is written to <DIR>/<version>/<platform>/motherduck.duckdb_extension, the layout of a DuckDB extension directory,",
                    "after checking the platform and version in its metadata footer. DuckDB verifies its signature when it loads it.",
                    "Example: duckstep extensions download motherduck --platform linux_arm64 --out infra-cdk/extensions"
            })
    static final class Download
            extends HelpOptions
            implements Callable<Integer>
    {
        @Spec
        CommandSpec specification;

        @Parameters(index = "0", paramLabel = "EXTENSION", description = "the extension: motherduck")
        String name;

        @Option(names = "--platform", paramLabel = "PLATFORM", defaultValue = "linux_arm64", description = "DuckDB platform name (default: ${DEFAULT-VALUE}, the Lambda functions')")
        String platform;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "the directory to write under (for the CDK app: infra-cdk/extensions)")
        Path out;

        @Option(names = "--repository", paramLabel = "URL", defaultValue = DEFAULT_REPOSITORY, description = "the extension repository (default: ${DEFAULT-VALUE}, DuckDB's official one)")
        String repository;

        @Override
        public Integer call()
                throws IOException
        {
            extensionName(name);
            if (!platform.matches("[a-z0-9_]+")) {
                throw new CommandFailedException("--platform must be a DuckDB platform name such as linux_arm64, was '" + platform + "'");
            }
            Engine engine;
            try (Connection connection = new DuckDb(CommandDefaults.duckDbSettings()).openInMemory()) {
                engine = Engine.of(connection);
            }
            catch (SQLException e) {
                throw new CommandFailedException("cannot read DuckDB's version: " + e.getMessage());
            }
            String url = engine.url(repository, platform);
            byte[] file = gunzip(url, fetch(url));
            ExtensionFooter footer = ExtensionFooter.read(file);
            footer.require(url, platform, engine.version());
            Path target = out.resolve(engine.version()).resolve(platform).resolve(MOTHERDUCK + ".duckdb_extension");
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".downloading");
            Files.write(temporary, file);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            specification.commandLine().getOut().println(String.format(Locale.ROOT, "fetched %s\nwrote %s (%,d bytes: %s %s for DuckDB %s on %s)",
                    url, target.toAbsolutePath(), file.length, MOTHERDUCK, footer.extensionVersion(), footer.duckDbVersion(), footer.platform()));
            return 0;
        }

        private static byte[] fetch(String url)
        {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new CommandFailedException("cannot download " + url + ": HTTP " + response.statusCode()
                            + (response.statusCode() == 404 ? " (no such extension for this DuckDB version and platform)" : ""));
                }
                return response.body();
            }
            catch (IOException e) {
                throw new CommandFailedException("cannot download " + url + ": " + e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandFailedException("interrupted while downloading " + url);
            }
        }

        private static byte[] gunzip(String url, byte[] compressed)
        {
            try (GZIPInputStream input = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                return input.readAllBytes();
            }
            catch (IOException e) {
                throw new CommandFailedException("the file at " + url + " is not a gzip-compressed DuckDB extension: " + e.getMessage());
            }
        }
    }
}
