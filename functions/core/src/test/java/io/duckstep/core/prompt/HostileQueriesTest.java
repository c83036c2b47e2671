package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.DuckStepException;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queries a hostile "model" might propose. Each is refused by the guard or harmless in the sandbox: nothing
 * changes data, nothing reads outside the inputs, nothing runs past the timeout.
 */
class HostileQueriesTest
{
    @TempDir
    static Path directory;

    private static Path warehouse;
    private static Path recent;
    private static Path secretFile;
    private static SqlGuard guard;
    private static SandboxedQueryRunner runner;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        warehouse = directory.resolve("warehouse.duckdb");
        recent = directory.resolve("mydf.parquet");
        secretFile = Files.writeString(directory.resolve("outside.csv"), "secret\nnot-for-the-model\n");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA e_commerce");
            statement.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT range AS Invoice, range % 7 AS Quantity FROM range(100)");
            statement.execute("COPY (SELECT range AS Invoice, range % 5 AS Quantity FROM range(10)) TO '" + recent + "' (FORMAT parquet)");
        }
        DuckDb duckDb = new DuckDb(new DuckDbSettings("500MB", 2, directory.resolve("work")));
        guard = new SqlGuard(duckDb);
        runner = new SandboxedQueryRunner(duckDb, new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.DuckDbFile(warehouse.toString()), SandboxLimits.of(duckDb.settings()).withTimeout(Duration.ofSeconds(3)));
    }

    @AfterAll
    static void tearDown()
    {
        runner.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO e_commerce.year_09_10 VALUES (1000, 1)",
            "DELETE FROM mydf",
            "UPDATE e_commerce.year_09_10 SET Quantity = 0",
            "DROP TABLE e_commerce.year_09_10",
            "CREATE TABLE stolen AS SELECT * FROM mydf",
            "ALTER TABLE e_commerce.year_09_10 ADD COLUMN x INTEGER",
            "CREATE MACRO evil(x) AS x",
            "COPY mydf TO '/tmp/duckstep-exfiltrated.csv'",
            "COPY (SELECT * FROM e_commerce.year_09_10) TO '/tmp/duckstep-exfiltrated.parquet'",
            "EXPORT DATABASE '/tmp/duckstep-export'",
            "ATTACH '/tmp/duckstep-other.duckdb' AS other",
            "DETACH warehouse",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SET enable_external_access = true",
            "RESET enable_external_access",
            "SET lock_configuration = false",
            "PRAGMA enable_profiling",
            "CALL pragma_version()",
            "CHECKPOINT",
            "VACUUM",
            "USE memory",
            "SELECT 1; DROP TABLE e_commerce.year_09_10",
            "SELECT 1; SELECT 2",
            "SELECT * FROM mydf; COPY mydf TO '/tmp/duckstep-x.csv'",
            "WITH gone AS (DELETE FROM e_commerce.year_09_10 RETURNING *) SELECT * FROM gone",
            "WITH added AS (INSERT INTO e_commerce.year_09_10 VALUES (1, 1) RETURNING *) SELECT count(*) FROM added",
            "SELEC * FROM mydf",
            "",
            "   ;  ",
    })
    void check_writesDdlCopyAttachInstallSetAndSeveralStatements_areRefused(String sql)
    {
        assertThatThrownBy(() -> guard.check(sql)).isInstanceOf(RejectedQueryException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM read_csv('OUTSIDE')",
            "SELECT * FROM read_text('OUTSIDE')",
            "SELECT * FROM read_csv_auto('OUTSIDE')",
            "SELECT * FROM 'OUTSIDE'",
            "SELECT * FROM \"OUTSIDE\"",
            "SELECT * FROM glob('/*')",
            "SELECT * FROM read_text('/etc/hostname')",
            "SELECT * FROM read_blob('OUTSIDE')",
            "SELECT * FROM read_parquet('s3://bucket/data.parquet')",
            "SELECT * FROM read_csv('https://example.com/data.csv')",
            "SELECT * FROM parquet_metadata('OUTSIDE')",
            "SELECT * FROM sniff_csv('OUTSIDE')",
            "SELECT * FROM query('SELECT * FROM read_text(''OUTSIDE'')')",
            "SELECT * FROM query_table('mydf')",
            "SELECT (SELECT content FROM read_text('OUTSIDE')) AS c",
            "SELECT * FROM mydf WHERE EXISTS (SELECT 1 FROM glob('/tmp/*'))",
            "WITH files AS (SELECT * FROM read_csv('OUTSIDE')) SELECT * FROM files",
    })
    void run_readOrListOutsideTheInputs_isRefusedByTheGuardAndAgainInTheWorker(String template)
    {
        String sql = template.replace("OUTSIDE", secretFile.toString());

        assertThatThrownBy(() -> guard.check(sql)).isInstanceOf(RejectedQueryException.class);
        // the worker checks again, whoever calls it
        assertThatThrownBy(() -> runner.run(sql, Map.of("mydf", recent)))
                .isInstanceOf(RejectedQueryException.class)
                .hasMessageNotContaining("not-for-the-model")
                .hasMessageNotContaining(directory.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // lists, strings and ranges DuckDB's memory_limit does not bound
            "SELECT list_sum(range(60000000))",
            "SELECT count(*) FROM range(1000000000)",
            "SELECT length(repeat('x', 2000000000))",
            "SELECT len(repeat([1, 2, 3], 100000000))",
            "SELECT length(lpad('x', 1000000000, 'y'))",
            "SELECT length(rpad(Invoice::VARCHAR, 1000000000, 'y')) FROM mydf",
            "SELECT len(list_resize([1], 1000000000))",
            "SELECT len(array_resize([1], 1000000000, 0))",
            "SELECT len(generate_series(1, 10000000000))",
            "SELECT count(*) FROM generate_series(-5000000000, 5000000000, 1)",
            "SELECT count(*) FROM range(TIMESTAMP '1900-01-01', TIMESTAMP '2100-01-01', INTERVAL 1 SECOND)",
            "SELECT count(*) FROM range(DATE '0001-01-01', DATE '9999-01-01', INTERVAL '1 hour')",
            "SELECT len(range(0, 1e12, 0.5))",
            "SELECT len(range(10000000000000000000000))",
            // sizes that are not constants cannot be checked, so they are refused
            "SELECT length(repeat('x', (SELECT max(Quantity) * 1000000000 FROM mydf)))",
            "SELECT count(*) FROM range((SELECT max(Invoice) FROM mydf) * 1000000000)",
            "SELECT len(range(Quantity * 1000000000)) FROM mydf",
            "SELECT count(*) FROM range(1, 10, 0)",
            // top-n aggregates with a huge n
            "SELECT max(Invoice, 1000000000) FROM mydf",
            "SELECT arg_max(Invoice, Quantity, 1000000000) FROM mydf",
            "SELECT approx_top_k(Invoice, 1000000000) FROM mydf",
            // widths and bit strings sized by an argument
            "SELECT printf('%0999999999d', 1)",
            "SELECT format('{:>1000000000}', 'x')",
            "SELECT bar(1, 0, 1, 1000000000)",
            "SELECT bitstring('1', 1000000000)",
            "SELECT bitstring_agg(Invoice, 0, 1000000000000) FROM mydf",
            // recursion
            "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
            "WITH RECURSIVE t(l) AS (SELECT [1] UNION ALL SELECT list_concat(l, l) FROM t) SELECT count(*) FROM t",
            // time
            "SELECT sleep_ms(100000)",
            "SELECT pg_sleep(100)",
            "SELECT count(*) FROM repeat_row(1, num_rows = 1000000000)",
    })
    void check_memoryAndTimeBlowUps_areRefusedByTheAllowlist(String sql)
    {
        assertThatThrownBy(() -> guard.check(sql))
                .isInstanceOf(RejectedQueryException.class)
                .hasMessageContaining("sandbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT current_setting('allowed_paths')",
            "SELECT current_setting('temp_directory')",
            "SELECT current_setting('motherduck_token')",
            "SELECT getvariable('x')",
            "SELECT * FROM duckdb_settings()",
            "SELECT * FROM duckdb_databases()",
            "SELECT path FROM duckdb_databases",
            "SELECT * FROM duckdb_views()",
            "SELECT sql FROM duckdb_views",
            "SELECT * FROM duckdb_tables()",
            "SELECT * FROM duckdb_secrets()",
            "SELECT * FROM duckdb_temporary_files()",
            "SELECT * FROM duckdb_extensions()",
            "SELECT * FROM duckdb_functions()",
            "SELECT * FROM pragma_database_list",
            "SELECT * FROM pragma_database_list()",
            "SELECT * FROM pragma_table_info('mydf')",
            "SELECT * FROM pragma_storage_info('e_commerce.year_09_10')",
            "SELECT * FROM information_schema.tables",
            "SELECT * FROM information_schema.schemata",
            "SELECT * FROM pg_catalog.pg_settings",
            "SELECT * FROM sqlite_master",
            "SELECT * FROM system.main.duckdb_tables",
            "SELECT * FROM system.main.duckdb_views()",
            "SELECT * FROM which_secret('s3://bucket/x', 's3')",
            "SELECT * FROM (DESCRIBE mydf)",
            "SELECT * FROM (SUMMARIZE mydf)",
            "SELECT current_schemas(true)",
            "SELECT current_database()",
            "SELECT version()",
            "SELECT json_serialize_plan('SELECT 1')",
            "SELECT nextval('s')",
            "SELECT warehouse.main.secret_function(1)",
            "SELECT * FROM temp.main.something",
            "SELECT * FROM memory.information_schema.columns",
            "SELECT $1",
            "SELECT * FROM e_commerce.year_09_10 AT (VERSION => 1)",
            // a CTE's name does not cover the same name where the CTE is not in scope
            "SELECT * FROM (WITH duckdb_databases AS (SELECT 1 AS x) SELECT x FROM duckdb_databases) t, duckdb_databases",
            "WITH a AS (SELECT * FROM duckdb_views), duckdb_views AS (SELECT 1 AS x) SELECT * FROM a",
            "SELECT * FROM mydf WHERE Invoice IN (WITH duckdb_settings AS (SELECT 1) SELECT * FROM duckdb_settings) OR EXISTS (SELECT value FROM duckdb_settings)",
    })
    void run_settingsCatalogAndIntrospection_areRefusedWithoutAPath(String sql)
    {
        // functions are refused by the guard already; names of tables only in the worker, which knows its views
        assertThatThrownBy(() -> runner.run(sql, Map.of("mydf", recent)))
                .isInstanceOf(RejectedQueryException.class)
                .hasMessageNotContaining(directory.toString())
                .hasMessageNotContaining("/tmp");
    }

    @Test
    void run_inputThatDuckDbCannotRead_errorNamesNoPath()
            throws Exception
    {
        Path notParquet = Files.writeString(directory.resolve("not-parquet.parquet"), "this is not a Parquet file, it is long enough to be read\n".repeat(10));

        assertThatThrownBy(() -> runner.run("SELECT count(*) FROM mydf", Map.of("mydf", notParquet)))
                .isInstanceOf(DuckStepException.class)
                .hasMessageNotContaining(directory.toString())
                .hasMessageNotContaining("/tmp")
                .hasMessageNotContaining("not-parquet.parquet");
    }

    @Test
    void run_otherRunsTemporaryFiles_areNeitherReadableNorInTheSandboxesTemporaryDirectory()
            throws Exception
    {
        // what another run leaves: a result in the shared temporary directory
        DuckDbSettings settings = new DuckDbSettings("500MB", 2, directory.resolve("isolated"));
        Path leftover = Files.createDirectories(settings.temporaryDirectory()).resolve("other-run.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 'other-runs-result' AS secret) TO '" + leftover + "' (FORMAT parquet)");
        }
        SandboxedQueryRunner isolated = new SandboxedQueryRunner(new DuckDb(settings), new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.None(), SandboxLimits.of(settings).withWarmSpare(false));

        for (String sql : new String[] {
                "SELECT * FROM read_parquet('" + leftover + "')",
                "SELECT * FROM read_parquet('" + settings.temporaryDirectory() + "/*.parquet')",
                "SELECT * FROM '" + leftover + "'",
                "SELECT * FROM glob('" + settings.workDirectory() + "/**')"}) {
            assertThatThrownBy(() -> isolated.run(sql, Map.of("mydf", recent)))
                    .isInstanceOf(RejectedQueryException.class)
                    .hasMessageNotContaining("other-runs-result");
        }
        assertThat(isolated.run("SELECT count(*) AS n FROM mydf", Map.of("mydf", recent)).json()).isEqualTo("[{\"n\":10}]");
        // each query's private directory (DuckDB's temp_directory in the worker) is gone once it has answered
        try (Stream<Path> left = Files.list(settings.workDirectory().resolve("sandbox"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void run_motherDuckToken_neverComesBackInAnError()
    {
        String token = "stand-in-motherduck-token-4b1d";
        SandboxedQueryRunner motherDuck = new SandboxedQueryRunner(new DuckDb(new DuckDbSettings("500MB", 2, directory.resolve("md"))), new LocalFileStorage(),
                new TestingSecretStore(Map.of("md-read-scaling-token", token)),
                new WarehouseSpecification.MotherDuck("analytics", "e_commerce", Optional.empty(), Optional.of("md-read-scaling-token")),
                SandboxLimits.of(new DuckDbSettings("500MB", 2, directory.resolve("md"))).withWarmSpare(false));

        // motherduck cannot be loaded here (no network, no extension): the sandbox fails, and its message holds no token
        assertThatThrownBy(() -> motherDuck.run("SELECT count(*) FROM mydf", Map.of("mydf", recent)))
                .isInstanceOf(DuckStepException.class)
                .hasMessageNotContaining(token);
        assertThatThrownBy(() -> guard.check("SELECT current_setting('motherduck_token')"))
                .isInstanceOf(RejectedQueryException.class)
                .hasMessageNotContaining(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT Quantity, count(*) AS n, sum(Invoice) AS s, avg(Invoice) AS a FROM mydf GROUP BY ALL ORDER BY ALL",
            "SELECT Invoice, sum(Quantity) OVER (ORDER BY Invoice ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rolling, rank() OVER (PARTITION BY Quantity ORDER BY Invoice DESC) AS r FROM mydf QUALIFY r <= 2 ORDER BY Invoice",
            "WITH h AS (SELECT Quantity, count(*) AS n FROM e_commerce.year_09_10 GROUP BY Quantity) SELECT m.Quantity, h.n FROM mydf m LEFT JOIN h USING (Quantity) ORDER BY 1, 2",
            "SELECT d::DATE AS day, date_trunc('month', d) AS month, strftime(d, '%Y-%m') AS label FROM generate_series(DATE '2010-01-01', DATE '2010-12-31', INTERVAL 1 DAY) t(d) LIMIT 3",
            "SELECT CASE WHEN Quantity > 2 THEN 'big' ELSE 'small' END AS size, string_agg(Invoice::VARCHAR, ',' ORDER BY Invoice) AS invoices, list(Invoice ORDER BY Invoice)[1:2] AS firsts FROM mydf GROUP BY 1 ORDER BY 1",
            "SELECT upper('a' || lpad(Invoice::VARCHAR, 6, '0')) AS code, round(Quantity / 3.0, 2) AS third, coalesce(nullif(Quantity, 0), -1) AS q, regexp_replace('x-1', '-', '') AS r FROM mydf ORDER BY Invoice LIMIT 3",
            "SELECT quantile_cont(Quantity, 0.5) AS median, corr(Invoice, Quantity) AS c, count(DISTINCT Quantity) FILTER (WHERE Invoice > 3) AS d, max(Invoice, 3) AS top3, arg_max(Invoice, Quantity) AS am FROM mydf",
            "SELECT * FROM mydf WHERE Invoice IN (SELECT Invoice FROM e_commerce.year_09_10 WHERE Quantity = 1) UNION ALL SELECT * FROM (VALUES (100, 1)) v(Invoice, Quantity) ORDER BY 1",
            "SELECT * EXCLUDE (Quantity), list_sum([Quantity, Invoice]) AS total, [x * 2 FOR x IN range(3)] AS doubled, {'q': Quantity}.q AS s FROM mydf ORDER BY Invoice LIMIT 2",
            "SELECT year_09_10.Quantity, count(*) FROM year_09_10 JOIN warehouse.e_commerce.year_09_10 w USING (Invoice) GROUP BY 1 ORDER BY 1",
            "WITH a AS (SELECT Invoice FROM mydf), b AS (SELECT Invoice FROM a WHERE Invoice > 2) SELECT count(*) AS n, (WITH c AS (SELECT 1 AS one) SELECT one FROM c) AS one FROM b",
    })
    void run_analyticsQueries_passTheAllowlistAndRun(String sql)
    {
        guard.check(sql);

        SandboxedResult result = runner.run(sql, Map.of("mydf", recent));
        assertThat(result.rows()).isPositive();
        assertThat(result.json()).startsWith("[{").doesNotContain(directory.toString());
    }

    @Test
    void prepare_beforeTheFirstQuestion_startsOneSpareWorkerThatAnswersIt()
            throws Exception
    {
        DuckDbSettings settings = new DuckDbSettings("500MB", 2, directory.resolve("prepared"));
        try (SandboxedQueryRunner prepared = new SandboxedQueryRunner(new DuckDb(settings), new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.None(), SandboxLimits.of(settings))) {
            assertThat(prepared.hasSpare()).isFalse();

            prepared.prepare();
            prepared.prepare();

            assertThat(prepared.hasSpare()).isTrue();
            assertThat(prepared.run("SELECT count(*) AS lines FROM mydf", Map.of("mydf", recent)).rows()).isEqualTo(1);
        }
        SandboxedQueryRunner withoutSpares = new SandboxedQueryRunner(new DuckDb(settings), new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.None(), SandboxLimits.of(settings).withWarmSpare(false));
        withoutSpares.prepare();
        assertThat(withoutSpares.hasSpare()).isFalse();
    }

    @Test
    void run_withSpares_leavesASpareForTheNextQueryThatCloseRemoves()
            throws Exception
    {
        DuckDbSettings settings = new DuckDbSettings("500MB", 2, directory.resolve("next-spare"));
        try (SandboxedQueryRunner runner = new SandboxedQueryRunner(new DuckDb(settings), new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.None(), SandboxLimits.of(settings))) {
            assertThat(runner.hasSpare()).isFalse();

            assertThat(runner.run("SELECT count(*) AS lines FROM mydf", Map.of("mydf", recent)).rows()).isEqualTo(1);

            assertThat(runner.hasSpare()).isTrue();
        }
        assertThat(sandboxDirectories(settings)).isEmpty();
    }

    @Test
    void close_spareStillStarting_stopsItAndRemovesItsDirectory()
            throws Exception
    {
        DuckDbSettings settings = new DuckDbSettings("500MB", 2, directory.resolve("closing"));
        SandboxedQueryRunner runner = new SandboxedQueryRunner(new DuckDb(settings), new LocalFileStorage(), new TestingSecretStore(Map.of()),
                new WarehouseSpecification.None(), SandboxLimits.of(settings));
        runner.prepare();

        runner.close();

        assertThat(runner.hasSpare()).isFalse();
        assertThat(sandboxDirectories(settings)).isEmpty();
        assertThatThrownBy(() -> runner.run("SELECT 1", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    /** The workers' directories left under the sandbox's root. */
    private static List<Path> sandboxDirectories(DuckDbSettings settings)
            throws Exception
    {
        Path root = settings.workDirectory().toAbsolutePath().resolve("sandbox");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> directories = Files.list(root)) {
            return directories.toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales_trends.sql", "price_elasticity.sql", "customer_segmentation.sql"})
    void check_packagedSummaryQueries_passTheAllowlist(String name)
            throws Exception
    {
        // the project's own analytics, written by people: what a model's query looks like, and all allowed
        try (var stream = HostileQueriesTest.class.getResourceAsStream("/io/duckstep/core/queries/" + name)) {
            guard.check(new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT count(*) AS n FROM mydf /* ; DROP TABLE e_commerce.year_09_10 */",
            "SELECT count(*) AS n FROM mydf -- ; DELETE FROM mydf",
            "SELECT count(*) AS n FROM mydf;",
    })
    void run_commentTricks_runOnlyTheOneSelect(String sql)
    {
        guard.check(sql);

        assertThat(runner.run(sql, Map.of("mydf", recent)).json()).isEqualTo("[{\"n\":10}]");
    }

    @Test
    void run_hugeResult_isCappedInRowsAndCharacters()
    {
        SandboxedResult result = runner.run("SELECT a.range AS id, repeat('x', 500) AS filler FROM range(1000000) a, range(100) b", Map.of("mydf", recent));

        assertThat(result.rows()).isEqualTo(50);
        assertThat(result.truncated()).isTrue();
        assertThat(result.json().length()).isLessThanOrEqualTo(8 * 1024 + "…(truncated)".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT count(*) FROM range(1000000) a, range(1000000) b, range(1000000) c",
            "SELECT count(*) FROM mydf a, mydf b, mydf c, mydf d, mydf e, mydf f, mydf g, mydf h, mydf i, mydf j, mydf k, mydf l, mydf m, mydf n, mydf o, mydf p, mydf q, mydf r",
            "SELECT sum(length(regexp_replace(repeat('ab', 10000), '(a|b)*c', 'x'))) FROM range(1000000) a, range(1000000) b",
            "SELECT max(levenshtein(repeat('a', 10000), repeat('b', 10000))) FROM range(1000000) a, range(1000000) b",
    })
    void run_endlessQuery_isStoppedAsAResourceLimit(String sql)
    {
        guard.check(sql);

        assertThatThrownBy(() -> runner.run(sql, Map.of("mydf", recent)))
                .isInstanceOf(QueryTimedOutException.class)
                .hasMessageStartingWith("Resource limit:")
                .hasMessageContaining("longer than 3 s");
    }

    @Test
    void run_afterEveryHostileQuery_dataIsUnchangedAndNothingWasWritten()
            throws Exception
    {
        for (String sql : new String[] {"WITH gone AS (DELETE FROM e_commerce.year_09_10 RETURNING *) SELECT * FROM gone", "SELECT * FROM mydf"}) {
            try {
                runner.run(sql, Map.of("mydf", recent));
            }
            catch (DuckStepException expected) {
                // refused by the sandbox is fine; what matters is below
            }
        }
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM e_commerce.year_09_10")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(100);
        }
        assertThat(Path.of("/tmp/duckstep-exfiltrated.csv")).doesNotExist();
        assertThat(Path.of("/tmp/duckstep-export")).doesNotExist();
    }

    @Test
    void run_legitimateHybridQuery_joinsTheUploadAndTheWarehouse()
    {
        // by hand: recent Invoices 0..9 all exist in history (0..99); historical Quantity = Invoice % 7 sums to 0+1+...+6+0+1+2 = 24
        SandboxedResult result = runner.run("SELECT count(*) AS matched, sum(h.Quantity) AS historical_quantity FROM mydf m JOIN e_commerce.year_09_10 h USING (Invoice)",
                Map.of("mydf", recent));

        assertThat(result.json()).isEqualTo("[{\"matched\":10,\"historical_quantity\":24}]");
        assertThat(result.truncated()).isFalse();
    }
}
