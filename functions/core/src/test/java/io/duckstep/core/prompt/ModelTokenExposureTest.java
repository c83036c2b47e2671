package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingMotherDuck;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQL the model writes must never read a MotherDuck token back. Every query goes through {@link SqlGuard} and, if it
 * passes, {@link SandboxedQueryRunner} against a stand-in MotherDuck ({@link TestingMotherDuck}) that was handed the
 * stand-in read-scaling token exactly where the real attach hands it; the token must appear in no result and no error.
 * The stand-in lives in this JVM, which a worker process cannot reach, so the worker's part runs in this process
 * ({@link SandboxedQueryRunner#runInProcess}): the same request, secret reads, worker code and scrubbing, without the
 * process boundary and its memory bound (HostileQueriesTest and SandboxMemoryTest cover those).
 * <p>
 * Limits of what this proves, here: the real token is given to DuckDB with {@code SET motherduck_token} after
 * {@code LOAD motherduck}, and without the signed extension DuckDB 1.5.6 knows no such setting (nor a {@code motherduck}
 * secret type), so the stand-in token is not inside DuckDB during these queries. What holds without the extension: the
 * full token is never even read for the sandbox, the attach string carries no token, {@code getenv} does not exist in
 * this DuckDB build, and the attach's error text is scrubbed. That {@code current_setting('motherduck_token')},
 * {@code duckdb_settings()} and {@code duckdb_secrets()} return nothing secret once the extension IS loaded rests on the
 * guard refusing those functions (its function allowlist).
 */
class ModelTokenExposureTest
{
    private static final String FULL_TOKEN = "standin-full-token-3b9e51";
    private static final String READ_SCALING_TOKEN = "standin-read-scaling-token-a41c07";

    @TempDir
    static Path directory;

    private static Path recent;
    private static SqlGuard guard;
    private static SandboxedQueryRunner runner;
    private static TestingMotherDuck motherDuck;
    private static TestingSecretStore secrets;
    private static DuckDb duckDb;
    private static final WarehouseSpecification.MotherDuck WAREHOUSE = new WarehouseSpecification.MotherDuck("analytics", "e_commerce",
            Optional.of("md-token"), Optional.of("md-read-scaling-token"));

    @BeforeAll
    static void setUp()
            throws Exception
    {
        Path database = directory.resolve("motherduck-stand-in.duckdb");
        recent = directory.resolve("mydf.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE year_09_10 AS SELECT range AS Invoice, range % 7 AS Quantity FROM range(100)");
            statement.execute("COPY (SELECT range AS Invoice FROM range(10)) TO '" + recent + "' (FORMAT parquet)");
        }
        duckDb = new DuckDb(new DuckDbSettings("500MB", 2, directory.resolve("work")));
        guard = new SqlGuard(duckDb);
        motherDuck = TestingMotherDuck.serving(database);
        secrets = new TestingSecretStore(Map.of("md-token", FULL_TOKEN, "md-read-scaling-token", READ_SCALING_TOKEN));
        runner = new SandboxedQueryRunner(duckDb, new LocalFileStorage(), secrets, WAREHOUSE, SandboxLimits.of(duckDb.settings()).withWarmSpare(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT current_setting('motherduck_token')",
            "SELECT current_setting('motherduck_saas_mode')",
            "SELECT * FROM duckdb_settings()",
            "SELECT name, value FROM duckdb_settings() WHERE name ILIKE '%token%' OR value ILIKE '%token%'",
            "SELECT * FROM duckdb_secrets()",
            "SELECT * FROM duckdb_secrets(redact := false)",
            "SELECT * FROM which_secret('md:analytics', 'motherduck')",
            "SELECT * FROM duckdb_databases()",
            "SELECT * FROM duckdb_extensions()",
            "SELECT * FROM duckdb_variables()",
            "SELECT getvariable('motherduck_token')",
            "SELECT getenv('motherduck_token'), getenv('MOTHERDUCK_TOKEN')",
            "SELECT * FROM pragma_print_md_token()",
            "PRAGMA print_md_token",
            "SELECT * FROM md_user_info()",
            "SELECT count(*) FROM e_commerce.year_09_10",
    })
    void modelQuery_askingForTokens_neverSeesOne(String sql)
    {
        String seen = outcome(sql);

        assertThat(seen).doesNotContain(READ_SCALING_TOKEN).doesNotContain(FULL_TOKEN);
        assertThat(secrets.reads()).doesNotContain("md-token");
    }

    @Test
    void modelQuery_warehouse_isReadableThroughTheStandInGivenOnlyTheReadScalingToken()
    {
        assertThat(outcome("SELECT count(*) AS n FROM e_commerce.year_09_10")).isEqualTo("[{\"n\":100}]");
        // the stand-in token did reach the sandbox's attach step, and only the read-scaling one was ever read
        assertThat(motherDuck.tokens()).isNotEmpty().containsOnly(READ_SCALING_TOKEN);
        assertThat(secrets.reads()).isNotEmpty().containsOnly("md-read-scaling-token");
    }

    @Test
    void modelQuery_motherDuckRefusesTheToken_errorCarriesTheReasonNotTheToken()
    {
        TestingMotherDuck refusing = TestingMotherDuck.refusing("Failed to attach 'md:analytics': token %s is not a read-scaling token");

        assertThatThrownBy(() -> runner.runInProcess("SELECT 1", Map.of("mydf", recent), refusing))
                .isInstanceOf(WarehouseUnavailableException.class)
                .hasMessageEndingWith("Failed to attach 'md:analytics': token [redacted] is not a read-scaling token")
                .hasNoCause();
        assertThat(refusing.tokens()).containsOnly(READ_SCALING_TOKEN);
    }

    @Test
    void modelQuery_noReadScalingToken_isRefusedBeforeAnySecretIsRead()
    {
        TestingSecretStore fullTokenOnly = new TestingSecretStore(Map.of("md-token", FULL_TOKEN));
        WarehouseSpecification.MotherDuck withoutReadScaling = new WarehouseSpecification.MotherDuck("analytics", "e_commerce", Optional.of("md-token"), Optional.empty());
        SandboxedQueryRunner refusing = new SandboxedQueryRunner(duckDb, new LocalFileStorage(), fullTokenOnly, withoutReadScaling,
                SandboxLimits.of(duckDb.settings()).withWarmSpare(false));

        // the real path, worker process and all: the refusal comes before a worker starts
        assertThatThrownBy(() -> refusing.run("SELECT count(*) FROM e_commerce.year_09_10", Map.of("mydf", recent)))
                .isInstanceOf(WarehouseUnavailableException.class)
                .hasMessageContaining("Refusing to run the prompt workflow's queries against MotherDuck md:analytics without a read-scaling token")
                .hasMessageContaining("DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET")
                .hasMessageNotContaining(FULL_TOKEN);
        assertThat(fullTokenOnly.reads()).isEmpty();
    }

    private static String outcome(String sql)
    {
        try {
            guard.check(sql);
            return runner.runInProcess(sql, Map.of("mydf", recent), motherDuck).json();
        }
        catch (RuntimeException e) {
            List<String> texts = new ArrayList<>();
            for (Throwable current = e; current != null; current = current.getCause()) {
                texts.add(current.toString());
            }
            return String.join("\n", texts);
        }
    }
}
