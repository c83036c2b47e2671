package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries the allowlist lets through but that would take far more memory than the sandbox has: lists and strings
 * DuckDB's {@code memory_limit} does not count, grown over cross joins. Each is stopped and classified as a resource
 * limit, and its worker's peak resident memory, as the worker or the runner measured it, stays under the memory
 * limit plus the margin.
 */
class SandboxMemoryTest
{
    private static final long MEMORY_LIMIT = 256L << 20;

    @TempDir
    static Path directory;

    private static Path recent;
    private static SqlGuard guard;
    private static SandboxedQueryRunner runner;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        recent = directory.resolve("mydf.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT range AS Invoice, range % 5 AS Quantity, 'description ' || range AS Description FROM range(1000)) TO '" + recent + "' (FORMAT parquet)");
        }
        DuckDbSettings settings = new DuckDbSettings("256MiB", 2, directory.resolve("work"));
        DuckDb duckDb = new DuckDb(settings);
        guard = new SqlGuard(duckDb);
        runner = new SandboxedQueryRunner(duckDb, new LocalFileStorage(), new TestingSecretStore(Map.of()), new WarehouseSpecification.None(), SandboxLimits.of(settings));
    }

    @AfterAll
    static void tearDown()
    {
        runner.close();
    }

    @Test
    void limits_memoryLimitFromTheSettings_boundsTheWorker()
    {
        assertThat(runner.limits().memoryLimitBytes()).isEqualTo(MEMORY_LIMIT);
        assertThat(runner.limits().residentLimitBytes()).isEqualTo(MEMORY_LIMIT + SandboxLimits.MARGIN_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a 10 GB string
            "SELECT length(string_agg(repeat('x', 10000), '')) FROM range(1000000)",
            // a list of a billion numbers
            "SELECT len(list(a.range)) FROM range(1000000) a, range(1000) b",
            // lists of strings, grouped
            "SELECT sum(len(l)) FROM (SELECT a.range % 2 AS g, list(repeat(Description, 1000)) AS l FROM mydf, range(1000) a GROUP BY g)",
            // nested lists over a cross join
            "SELECT len(flatten(list([a.range, b.range, a.range * b.range]))) FROM range(1000000) a, range(1000) b",
            // each length under its cap, nested: 10^12 characters
            "SELECT length(repeat(repeat(repeat('x', 10000), 10000), 10000))",
            // a cross join of the input with itself, aggregated into lists
            "SELECT len(list(m1.Description || m2.Description || m3.Description)) FROM mydf m1, mydf m2, mydf m3",
    })
    void run_memoryBlowUpThroughListsStringsAndCrossJoins_isStoppedAsAResourceLimit(String sql)
    {
        guard.check(sql);

        SandboxedQueryRunner.Outcome outcome = runner.measure(sql, Map.of("mydf", recent));

        assertThat(outcome.result()).isNull();
        assertThat(outcome.failure()).isInstanceOf(ResourceLimitException.class);
        assertThat(outcome.failure().getMessage()).startsWith("Resource limit:");
        assertThat(outcome.peakResidentBytes()).isPositive().isLessThanOrEqualTo(MEMORY_LIMIT + SandboxLimits.MARGIN_BYTES);
        System.out.printf("sandbox peak resident memory %d MiB (limit %d MiB + margin %d MiB): %s%n",
                outcome.peakResidentBytes() >> 20, MEMORY_LIMIT >> 20, SandboxLimits.MARGIN_BYTES >> 20, sql);
    }

    @Test
    void run_withoutTheKernelLimit_theRunnerKillsTheWorkerPastTheResidentLimit()
    {
        DuckDbSettings settings = new DuckDbSettings("256MiB", 2, directory.resolve("unlimited"));
        try (SandboxedQueryRunner unlimited = new SandboxedQueryRunner(new DuckDb(settings), new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.None(), SandboxLimits.of(settings).withWarmSpare(false), false)) {
            // a 5 GB string, which DuckDB's memory_limit does not count
            SandboxedQueryRunner.Outcome outcome = unlimited.measure("SELECT length(repeat(repeat(repeat('x', 10000), 10000), 50))", Map.of("mydf", recent));

            assertThat(outcome.failure()).isInstanceOf(ResourceLimitException.class)
                    .hasMessage("Resource limit: the query was stopped because it used more than 512 MiB of memory. Aggregate more, filter earlier, avoid cross joins and large lists or strings.");
            // what the runner saw last before the kill: past the limit by at most what the worker allocated in one poll
            assertThat(outcome.peakResidentBytes()).isGreaterThan(MEMORY_LIMIT + SandboxLimits.MARGIN_BYTES);
            System.out.printf("sandbox without kernel limit: killed at %d MiB resident%n", outcome.peakResidentBytes() >> 20);
        }
    }

    @Test
    void run_afterAResourceLimit_theNextQueryRunsNormally()
    {
        runner.measure("SELECT len(list(a.range)) FROM range(1000000) a, range(1000) b", Map.of("mydf", recent));

        assertThat(runner.run("SELECT count(*) AS n FROM mydf", Map.of("mydf", recent)).json()).isEqualTo("[{\"n\":1000}]");
    }
}
