package io.duckstep.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's root directory, for tests of every module: the system property {@code duckstep.projectRoot} (set by
 * surefire from the parent POM), else the nearest directory upwards from the working directory that holds both
 * {@code pom.xml} and {@code state-machines/}.
 */
public final class ProjectRoot
{
    public static final String PROPERTY = "duckstep.projectRoot";

    private ProjectRoot() {}

    public static Path find()
    {
        return lookUp().orElseThrow(() -> new IllegalStateException(
                "Cannot find the project root (a directory holding pom.xml and state-machines/) above "
                        + Path.of("").toAbsolutePath() + "; set -D" + PROPERTY));
    }

    static Optional<Path> lookUp()
    {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank() && isRoot(Path.of(configured))) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (isRoot(directory)) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path directory)
    {
        return Files.isRegularFile(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("state-machines"));
    }
}
