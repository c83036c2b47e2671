package io.duckstep.core.testing;

import io.duckstep.testing.ProjectRoot;

import java.nio.file.Path;

/**
 * Finds files of the project from tests: the root ({@link ProjectRoot}) and the bundled sample.
 */
public final class TestingProject
{
    private TestingProject() {}

    public static Path root()
    {
        return ProjectRoot.find();
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
