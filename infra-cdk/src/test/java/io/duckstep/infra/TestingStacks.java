package io.duckstep.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds the stack for tests, with small stand-in files where the Lambda packages go (Template tests check the
 * infrastructure, not the code inside the packages, which other modules build and test).
 */
final class TestingStacks
{
    private TestingStacks() {}

    static Path repositoryRoot()
    {
        return io.duckstep.testing.ProjectRoot.find();
    }

    static Path standInPackages()
    {
        try {
            Path directory = Files.createTempDirectory("lambda-packages-");
            for (String kind : List.of("query", "report", "trigger", "notification", "llm", "api")) {
                Path jar = directory.resolve("lambda-" + kind).resolve("target").resolve("lambda-" + kind + ".jar");
                Files.createDirectories(jar.getParent());
                Files.writeString(jar, "stand-in for lambda-" + kind);
            }
            return directory;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stand-in for the downloaded MotherDuck extension: a few bytes and DuckDB's 512-byte metadata footer (eight
     * 32-byte fields, last first: three unused, ABI type, extension version, DuckDB version, platform, magic "4"; then a
     * 256-byte signature).
     */
    static Path standInMotherDuckExtension(String platform, String duckDbVersion)
    {
        try {
            byte[] body = "stand-in for the motherduck extension".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] file = new byte[body.length + 512];
            System.arraycopy(body, 0, file, 0, body.length);
            String[] fields = {"", "", "", "CPP", "v0.0.0-stand-in", duckDbVersion, platform, "4"};
            for (int index = 0; index < fields.length; index++) {
                byte[] field = fields[index].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(field, 0, file, body.length + index * 32, field.length);
            }
            return Files.write(Files.createTempDirectory("motherduck-extension-").resolve("motherduck.duckdb_extension"), file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An app whose context names a stand-in MotherDuck extension built for the Lambda functions' platform and the pinned DuckDB. */
    static App motherDuckApp()
    {
        return new App(software.amazon.awscdk.AppProps.builder()
                .context(java.util.Map.of(MotherDuckExtensionLayer.CONTEXT_KEY, standInMotherDuckExtension("linux_arm64", "v1.5.6").toString()))
                .build());
    }

    static DuckStepStack stack(App app, String warehouse, Optional<String> motherDuckDatabase, Optional<String> email)
    {
        return new DuckStepStack(app, "DuckStep", new DuckStepStackProps(
                StackProps.builder().env(Environment.builder().account("111122223333").region("eu-west-1").build()).build(),
                repositoryRoot(), standInPackages(), warehouse, motherDuckDatabase, email));
    }
}
