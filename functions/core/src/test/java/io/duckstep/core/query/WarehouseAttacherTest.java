package io.duckstep.core.query;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingMotherDuck;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseAttacherTest
{
    private static final String TOKEN = "md-token-that-must-never-leak-7f3a";
    private static final String READ_SCALING_TOKEN = "md-read-scaling-token-0c1d";
    private static final WarehouseSpecification.MotherDuck MOTHERDUCK = new WarehouseSpecification.MotherDuck("analytics", "e_commerce",
            Optional.of("md-token"), Optional.of("md-read-scaling-token"));
    private static final TestingSecretStore SECRETS = new TestingSecretStore(Map.of("md-token", TOKEN, "md-read-scaling-token", READ_SCALING_TOKEN));

    @Test
    void attach_motherDuckWithoutExtension_failsNamingTheInstallCommandBeforeReadingTheToken(@TempDir Path work)
            throws Exception
    {
        TestingSecretStore secrets = new TestingSecretStore(Map.of("md-token", TOKEN));
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), secrets);

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThatThrownBy(() -> attacher.attach(connection, MOTHERDUCK))
                    .isInstanceOf(WarehouseUnavailableException.class)
                    .hasMessageContaining("MotherDuck extension cannot be loaded")
                    .hasMessageContaining("md:analytics")
                    .hasMessageContaining("duckstep extensions install motherduck")
                    // DuckDB's own reason: it looked in the DuckStep extension directory and installed nothing
                    .hasMessageContaining(work.resolve("extensions").toString())
                    .hasMessageNotContaining(TOKEN);
        }
        assertThat(secrets.reads()).isEmpty();
    }

    @Test
    void attach_summaryQueries_useTheFullTokenReadOnlyWithoutSaasMode(@TempDir Path work)
            throws Exception
    {
        TestingMotherDuck motherDuck = TestingMotherDuck.serving(database(work));
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), SECRETS, motherDuck);

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThat(attacher.attach(connection, MOTHERDUCK, WarehouseAttacher.Queries.TRUSTED)).isEqualTo("MotherDuck md:analytics as e_commerce, read-only");
            assertThat(count(connection, "SELECT count(*) FROM e_commerce.year_09_10")).isEqualTo(3);
        }
        assertThat(motherDuck.tokens()).containsExactly(TOKEN);
        assertThat(motherDuck.attachments()).containsExactly(new WarehouseAttacher.MotherDuckAttachment(Optional.of("md-token"), false, "analytics",
                "ATTACH 'md:analytics' AS \"e_commerce\" (READ_ONLY)"));
    }

    @Test
    void attach_modelQueries_useOnlyTheReadScalingTokenInSaasMode(@TempDir Path work)
            throws Exception
    {
        TestingMotherDuck motherDuck = TestingMotherDuck.serving(database(work));
        TestingSecretStore secrets = new TestingSecretStore(Map.of("md-token", TOKEN, "md-read-scaling-token", READ_SCALING_TOKEN));
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), secrets, motherDuck);

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            attacher.attach(connection, MOTHERDUCK, WarehouseAttacher.Queries.UNTRUSTED);
        }
        assertThat(motherDuck.tokens()).containsExactly(READ_SCALING_TOKEN);
        assertThat(secrets.reads()).containsExactly("md-read-scaling-token");
        assertThat(motherDuck.attachments().get(0).saasMode()).isTrue();
    }

    @Test
    void attach_modelQueriesWithoutReadScalingToken_isRefusedAndTheFullTokenNeverRead(@TempDir Path work)
            throws Exception
    {
        TestingMotherDuck motherDuck = TestingMotherDuck.serving(database(work));
        TestingSecretStore secrets = new TestingSecretStore(Map.of("md-token", TOKEN));
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), secrets, motherDuck);

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThatThrownBy(() -> attacher.attach(connection, new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "md-token"), WarehouseAttacher.Queries.UNTRUSTED))
                    .isInstanceOf(WarehouseUnavailableException.class)
                    .hasMessageContaining("without a read-scaling token")
                    .hasMessageContaining("DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET");
        }
        assertThat(secrets.reads()).isEmpty();
        assertThat(motherDuck.attachments()).isEmpty();
    }

    @Test
    void attach_summaryQueriesWithoutTokenSecret_isRefused(@TempDir Path work)
            throws Exception
    {
        WarehouseSpecification.MotherDuck readScalingOnly = new WarehouseSpecification.MotherDuck("analytics", "e_commerce", Optional.empty(), Optional.of("md-read-scaling-token"));
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), SECRETS, TestingMotherDuck.serving(database(work)));

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThatThrownBy(() -> attacher.attach(connection, readScalingOnly, WarehouseAttacher.Queries.TRUSTED))
                    .isInstanceOf(WarehouseUnavailableException.class)
                    .hasMessage("No MotherDuck token secret is configured for md:analytics: set DUCKSTEP_MOTHERDUCK_TOKEN_SECRET.");
        }
    }

    @Test
    void attach_tokenRejectedByMotherDuck_failsWithTheReasonAndTheTokenScrubbed(@TempDir Path work)
            throws Exception
    {
        // The shape of a MotherDuck refusal as DuckDB reports it; the text is simulated (MotherDuck cannot be reached here),
        // and quotes the token on purpose, to prove it is scrubbed wherever the reason goes.
        TestingMotherDuck motherDuck = TestingMotherDuck.refusing("IO Error: Failed to attach 'md:analytics': Your request is not authenticated."
                + " Please check your MotherDuck token. (token '%s' has expired)");
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), SECRETS, motherDuck);

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThatThrownBy(() -> attacher.attach(connection, MOTHERDUCK))
                    .isInstanceOf(WarehouseUnavailableException.class)
                    .hasMessage("MotherDuck refused md:analytics with the token from secret md-token: IO Error: Failed to attach 'md:analytics':"
                            + " Your request is not authenticated. Please check your MotherDuck token. (token '[redacted]' has expired)")
                    .satisfies(failure -> assertThat(messagesOf(failure)).noneMatch(message -> message.contains(TOKEN)));
        }
    }

    @Test
    void motherDuckAttachment_statements_handTheTokenAsConfigurationNeverInTheAttachString()
    {
        Secret token = new Secret(TOKEN);

        assertThat(WarehouseAttacher.MotherDuckAttachment.of(MOTHERDUCK, WarehouseAttacher.Queries.TRUSTED).statements(token)).containsExactly(
                "SET motherduck_token = '" + TOKEN + "'",
                "ATTACH 'md:analytics' AS \"e_commerce\" (READ_ONLY)");
        assertThat(WarehouseAttacher.MotherDuckAttachment.of(MOTHERDUCK, WarehouseAttacher.Queries.UNTRUSTED).statements(token)).containsExactly(
                "SET motherduck_token = '" + TOKEN + "'",
                "SET motherduck_saas_mode = true",
                "ATTACH 'md:analytics' AS \"e_commerce\" (READ_ONLY)");
    }

    @Test
    void attach_none_attachesNothing(@TempDir Path work)
            throws Exception
    {
        WarehouseAttacher attacher = new WarehouseAttacher(new LocalFileStorage(), new TestingSecretStore(Map.of()));

        try (Connection connection = new DuckDb(new DuckDbSettings("200MB", 1, work)).openInMemory()) {
            assertThat(attacher.attach(connection, new WarehouseSpecification.None())).isEqualTo("no warehouse");
            assertThat(count(connection, "SELECT count(*) FROM duckdb_databases() WHERE NOT internal")).isEqualTo(1); // only the in-memory database itself
        }
    }

    private static Path database(Path work)
            throws Exception
    {
        Path file = work.resolve("motherduck-stand-in.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE year_09_10 AS SELECT range AS Quantity FROM range(3)");
        }
        return file;
    }

    private static long count(Connection connection, String sql)
            throws Exception
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> messagesOf(Throwable failure)
    {
        List<String> messages = new ArrayList<>();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            messages.add(String.valueOf(current.getMessage()));
            messages.add(current.toString());
        }
        return messages;
    }
}
