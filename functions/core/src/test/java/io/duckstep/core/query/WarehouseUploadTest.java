package io.duckstep.core.query;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.testing.TestingMotherDuck;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseUploadTest
{
    private static final String TOKEN = "standin-upload-token-91be";
    private static final WarehouseSpecification.MotherDuck TARGET = new WarehouseSpecification.MotherDuck("analytics", "e_commerce", "md-token");

    @TempDir
    Path directory;

    @Test
    void upload_replace_writesTheTableAsMainYear0910WithTheFullToken()
            throws Exception
    {
        Path motherDuckDatabase = directory.resolve("motherduck.duckdb");
        TestingMotherDuck motherDuck = TestingMotherDuck.serving(motherDuckDatabase);
        WarehouseUpload upload = new WarehouseUpload(duckDb(), new TestingSecretStore(Map.of("md-token", TOKEN)), motherDuck);

        assertThat(upload.upload(localWarehouse("a.duckdb", 3), TARGET, false)).isEqualTo(3);
        assertThat(upload.upload(localWarehouse("b.duckdb", 5), TARGET, false)).isEqualTo(5);
        assertThat(upload.upload(localWarehouse("c.duckdb", 2), TARGET, true)).isEqualTo(7);

        assertThat(count(motherDuckDatabase, "SELECT count(*) FROM main.year_09_10")).isEqualTo(7);
        assertThat(motherDuck.tokens()).containsOnly(TOKEN);
        assertThat(motherDuck.attachments()).allSatisfy(attachment -> assertThat(attachment.attachStatement()).isEqualTo("ATTACH 'md:analytics' AS \"duckstep_target\""));
    }

    @Test
    void upload_motherDuckRefuses_failsWithTheReasonScrubbed()
            throws Exception
    {
        WarehouseUpload upload = new WarehouseUpload(duckDb(), new TestingSecretStore(Map.of("md-token", TOKEN)),
                TestingMotherDuck.refusing("Failed to attach 'md:analytics': token %s lacks write access"));
        Path local = localWarehouse("a.duckdb", 1);

        assertThatThrownBy(() -> upload.upload(local, TARGET, false))
                .isInstanceOf(WarehouseUnavailableException.class)
                .hasMessage("Cannot write e_commerce.year_09_10 to MotherDuck md:analytics: Failed to attach 'md:analytics': token [redacted] lacks write access")
                .hasNoCause();
    }

    @Test
    void upload_withoutTheExtension_namesTheInstallCommand()
            throws Exception
    {
        WarehouseUpload upload = new WarehouseUpload(duckDb(), new TestingSecretStore(Map.of("md-token", TOKEN)), new WarehouseAttacher.ExtensionConnector());
        Path local = localWarehouse("a.duckdb", 1);

        assertThatThrownBy(() -> upload.upload(local, TARGET, false))
                .isInstanceOf(WarehouseUnavailableException.class)
                .hasMessageContaining("duckstep extensions install motherduck")
                .hasMessageNotContaining(TOKEN);
    }

    private DuckDb duckDb()
    {
        return new DuckDb(new DuckDbSettings("200MB", 1, directory.resolve("work")));
    }

    private Path localWarehouse(String name, int rows)
            throws Exception
    {
        Path file = directory.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA e_commerce");
            statement.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT range AS Quantity FROM range(" + rows + ")");
        }
        return file;
    }

    private static long count(Path database, String sql)
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
