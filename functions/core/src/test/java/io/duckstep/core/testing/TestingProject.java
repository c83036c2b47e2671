package io.duckstep.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds files of the project from tests: the root (system property {@code duckstep.projectRoot}, set by
 * surefire, else the nearest directory upwards holding {@code data/online_retail_II}).
 */
public final class TestingProject
{
    private TestingProject() {}

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
        throw new IllegalStateException("Cannot find the project root (a directory holding data/online_retail_II)");
    }

    public static Path sampleCsv()
    {
        return root().resolve("data/online_retail_II/sample_2009-12_2010-01.csv.gz");
    }

    public static Path sampleWorkbook()
    {
        return root().resolve("data/online_retail_II/sample_2009-12_2010-01.xlsx");
    }
}
