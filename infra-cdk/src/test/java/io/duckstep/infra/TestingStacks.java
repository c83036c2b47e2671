package io.duckstep.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the stack for tests as {@code cdk synth} does (the context of cdk.json, feature flags included), with small
 * stand-in files where the Lambda packages go (Template tests check the infrastructure, not the code inside the
 * packages, which other modules build and test).
 */
final class TestingStacks
{
    private static Template duckDbTemplate;

    private TestingStacks() {}

    /** The stack with the warehouse in S3 and an email subscription, synthesized once for all the tests that only read it. */
    static synchronized Template duckDbTemplate()
    {
        if (duckDbTemplate == null) {
            duckDbTemplate = Template.fromStack(stack(app(), "duckdb", Optional.empty(), Optional.of("analyst@example.com")));
        }
        return duckDbTemplate;
    }

    static Path repositoryRoot()
    {
        String configured = System.getProperty("duckstep.projectRoot");
        if (configured != null && Files.isDirectory(Path.of(configured, "state-machines"))) {
            return Path.of(configured);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("state-machines"))) {
                return directory;
            }
        }
        throw new IllegalStateException("Cannot find the repository root");
    }

    /** An app with the context of infra-cdk/cdk.json, feature flags included, as the CLI gives it. */
    static App app()
    {
        return App.Builder.create().context(cdkJsonContext()).build();
    }

    /** An app with cdk.json's context, as {@code cdk synth} builds it, plus {@code extraContext}. */
    static App app(Map<String, Object> extraContext, Optional<Path> outdir)
    {
        Map<String, Object> context = new java.util.HashMap<>(cdkJsonContext());
        context.putAll(extraContext);
        App.Builder builder = App.Builder.create().context(context);
        outdir.ifPresent(directory -> builder.outdir(directory.toString()));
        return builder.build();
    }

    static Map<String, Object> cdkJsonContext()
    {
        try {
            Map<String, Object> cdkJson = new ObjectMapper().readValue(repositoryRoot().resolve("infra-cdk/cdk.json").toFile(), new TypeReference<Map<String, Object>>() {});
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
            return context;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return app(Map.of(MotherDuckExtensionLayer.CONTEXT_KEY, standInMotherDuckExtension("linux_arm64", "v1.5.6").toString()), Optional.empty());
    }

    static DuckStepStack stack(App app, String warehouse, Optional<String> motherDuckDatabase, Optional<String> email)
    {
        return new DuckStepStack(app, "DuckStep", new DuckStepStackProps(
                StackProps.builder().env(Environment.builder().account("111122223333").region("eu-west-1").build()).build(),
                repositoryRoot(), standInPackages(), warehouse, motherDuckDatabase, email));
    }
}
