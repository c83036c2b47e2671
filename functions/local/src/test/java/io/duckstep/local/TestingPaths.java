package io.duckstep.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Project files for tests: the root comes from the system property {@code duckstep.projectRoot} (set by
 * surefire) or the nearest directory upwards holding {@code data/online_retail_II}.
 */
public final class TestingPaths
{
    private TestingPaths() {}

    public static Path root()
    {
        String configured = System.getProperty("duckstep.projectRoot");
        if (configured != null && Files.isDirectory(Path.of(configured, "data", "online_retail_II"))) {
            return Path.of(configured);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("data").resolve("online_retail_II"))) {
                return directory;
            }
        }
        throw new IllegalStateException("Cannot find the project root");
    }

    public static Path sampleCsv()
    {
        return root().resolve("data/online_retail_II/sample_2009-12_2010-01.csv.gz");
    }
}
