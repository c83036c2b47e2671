package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.DuckStepException;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
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
import java.time.Instant;
import java.util.Map;

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
        runner = new SandboxedQueryRunner(duckDb, new WarehouseAttacher(new LocalFileStorage(), new TestingSecretStore(Map.of())),
                new WarehouseSpecification.DuckDbFile(warehouse.toString()), Duration.ofSeconds(3), 50, 8 * 1024);
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
            "SELECT * FROM glob('/*')",
            "SELECT * FROM read_text('/etc/hostname')",
            "SELECT * FROM read_parquet('s3://bucket/data.parquet')",
            "SELECT * FROM read_csv('https://example.com/data.csv')",
    })
    void run_readOutsideTheInputs_passesTheParserButIsRefusedByTheSandbox(String template)
    {
        String sql = template.replace("OUTSIDE", secretFile.toString());
        guard.check(sql);

        assertThatThrownBy(() -> runner.run(sql, Map.of("mydf", recent)))
                .isInstanceOf(DuckStepException.class)
                .hasMessageNotContaining("not-for-the-model");
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
        SandboxedResult result = runner.run("SELECT range AS id, repeat('x', 500) AS filler FROM range(100000000)", Map.of("mydf", recent));

        assertThat(result.rows()).isEqualTo(50);
        assertThat(result.truncated()).isTrue();
        assertThat(result.json().length()).isLessThanOrEqualTo(8 * 1024 + "…(truncated)".length());
    }

    @Test
    void run_endlessQuery_isInterruptedByTheTimeout()
    {
        Instant start = Instant.now();

        assertThatThrownBy(() -> runner.run("SELECT count(*) FROM range(1000000000000) a, range(1000) b", Map.of("mydf", recent)))
                .isInstanceOf(QueryTimedOutException.class)
                .hasMessageContaining("longer than 3 s");

        // not a performance assertion: it proves the query was stopped rather than run to its end (hours)
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(1));
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
