package io.duckstep.core.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pinned DuckDB engine must be one that MotherDuck accepts in every region. The window is recorded, with its
 * source and the date it was read, in {@code docs/motherduck-duckdb-versions.json}; an upgrade of
 * {@code duckdb.version} past it fails here instead of failing at MotherDuck.
 */
class MotherDuckCompatibilityTest
{
    private static final Comparator<List<Integer>> VERSION_ORDER = (left, right) -> {
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            int difference = Integer.compare(i < left.size() ? left.get(i) : 0, i < right.size() ? right.get(i) : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    };

    private static List<Integer> minimum;
    private static List<Integer> maximum;

    @BeforeAll
    static void readWindow()
            throws IOException
    {
        JsonNode recorded = new ObjectMapper().readTree(TestingProject.root().resolve("docs/motherduck-duckdb-versions.json").toFile());
        assertThat(recorded.path("sources").size()).as("the window names its sources").isPositive();
        assertThat(recorded.path("read").asText()).as("the window records when it was read").matches("\\d{4}-\\d{2}-\\d{2}");
        for (JsonNode region : recorded.path("regions")) {
            List<Integer> regionMinimum = version(region.path("min").asText());
            List<Integer> regionMaximum = version(region.path("max").asText());
            minimum = minimum == null || VERSION_ORDER.compare(regionMinimum, minimum) > 0 ? regionMinimum : minimum;
            maximum = maximum == null || VERSION_ORDER.compare(regionMaximum, maximum) < 0 ? regionMaximum : maximum;
        }
        assertThat(minimum).as("at least one region is recorded").isNotNull();
    }

    @Test
    void pinnedVersion_buildProperty_liesInsideMotherDucksWindow()
            throws IOException
    {
        String pom = Files.readString(TestingProject.root().resolve("pom.xml"));
        Matcher property = Pattern.compile("<duckdb\\.version>([0-9.]+)</duckdb\\.version>").matcher(pom);
        assertThat(property.find()).as("pom.xml sets duckdb.version").isTrue();
        // duckdb_jdbc's fourth number is the driver's own revision of the engine version in the first three.
        List<Integer> engine = version(property.group(1)).subList(0, 3);
        assertThat(insideWindow(engine))
                .as("duckdb.version %s must lie within MotherDuck's window %s..%s", property.group(1), minimum, maximum)
                .isTrue();
    }

    @Test
    void runningEngine_version_liesInsideMotherDucksWindow(@TempDir Path workDirectory)
            throws SQLException
    {
        DuckDb duckDb = new DuckDb(new DuckDbSettings("256MB", 1, workDirectory));
        try (Connection connection = duckDb.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            String running = result.getString(1);
            assertThat(insideWindow(version(running)))
                    .as("the DuckDB engine on the class path, %s, must lie within MotherDuck's window %s..%s", running, minimum, maximum)
                    .isTrue();
        }
    }

    @Test
    void window_versionsOutsideIt_areRefused()
    {
        assertThat(insideWindow(version("2.0.0"))).isFalse();
        assertThat(insideWindow(version("1.3.2"))).isFalse();
        assertThat(insideWindow(version("1.5.6"))).isTrue();
    }

    private static boolean insideWindow(List<Integer> engine)
    {
        return VERSION_ORDER.compare(engine, minimum) >= 0 && VERSION_ORDER.compare(engine, maximum) <= 0;
    }

    private static List<Integer> version(String text)
    {
        return Arrays.stream(text.replaceFirst("^v", "").split("\\.")).map(Integer::parseInt).toList();
    }
}
