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

    static DuckStepStack stack(App app, String warehouse, Optional<String> motherDuckDatabase, Optional<String> email)
    {
        return new DuckStepStack(app, "DuckStep", new DuckStepStackProps(
                StackProps.builder().env(Environment.builder().account("111122223333").region("eu-west-1").build()).build(),
                repositoryRoot(), standInPackages(), warehouse, motherDuckDatabase, email));
    }
}
