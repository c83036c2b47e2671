package io.duckstep.core.duckdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbSettingsTest
{
    @Test
    void fromEnvironment_lambdaMemorySize_givesSixtyPercentToDuckDb()
    {
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "3008"));

        // 3008 MB * 0.6 = 1804.8, rounded down
        assertThat(settings.memoryLimit()).isEqualTo("1804MB");
    }

    @Test
    void fromEnvironment_explicitLimit_winsOverLambdaMemorySize()
    {
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(Map.of(
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "3008",
                "DUCKSTEP_MEMORY_LIMIT", "512MB"));

        assertThat(settings.memoryLimit()).isEqualTo("512MB");
    }

    @Test
    void fromEnvironment_nothingConfigured_usesDefaultsUnderTemporaryDirectory()
    {
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(Map.of());

        assertThat(settings.memoryLimit()).isEqualTo("2GB");
        assertThat(settings.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.workDirectory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "duckstep"));
    }

    @Test
    void fromEnvironment_tooSmallLambdaMemory_isRefused()
    {
        assertThatThrownBy(() -> DuckDbSettings.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "64")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
    }

    @Test
    void openInMemory_settings_areAppliedToDuckDb(@TempDir Path work)
            throws Exception
    {
        DuckDbSettings settings = new DuckDbSettings("300MB", 1, work);

        try (Connection connection = new DuckDb(settings).openInMemory();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('threads'), current_setting('temp_directory'), "
                        + "current_setting('extension_directory'), current_setting('home_directory'), current_setting('autoinstall_known_extensions'), "
                        + "current_setting('memory_limit')")) {
            row.next();
            assertThat(row.getLong(1)).isEqualTo(1);
            assertThat(row.getString(2)).isEqualTo(work.resolve("tmp").toString());
            assertThat(row.getString(3)).isEqualTo(work.resolve("extensions").toString());
            assertThat(row.getString(4)).isEqualTo(work.resolve("home").toString());
            assertThat(row.getBoolean(5)).isFalse();
            // DuckDB reports 300MB (10^6 bytes) in binary units: 286.1 MiB
            assertThat(row.getString(6)).isEqualTo("286.1 MiB");
        }
    }

    @Test
    void fromEnvironment_extensionDirectory_pointsDuckDbThereAndNothingInstallsOrLoadsByItself(@TempDir Path work)
            throws Exception
    {
        Path layer = work.resolve("opt").resolve("duckdb_extensions");
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(Map.of("DUCKSTEP_WORK_DIRECTORY", work.resolve("work").toString(),
                "DUCKSTEP_EXTENSION_DIRECTORY", layer.toString()));

        assertThat(settings.extensionDirectory()).isEqualTo(layer);
        try (Connection connection = new DuckDb(settings).openInMemory();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('extension_directory'), current_setting('autoinstall_known_extensions'), "
                        + "current_setting('autoload_known_extensions'), current_setting('allow_unsigned_extensions')")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(layer.toString());
            assertThat(row.getBoolean(2)).isFalse();
            assertThat(row.getBoolean(3)).isFalse();
            assertThat(row.getBoolean(4)).isFalse();
        }
    }

    @Test
    void fromEnvironment_noExtensionDirectory_usesTheWorkDirectory()
    {
        assertThat(DuckDbSettings.fromEnvironment(Map.of("DUCKSTEP_WORK_DIRECTORY", "/tmp/duckstep")).extensionDirectory())
                .isEqualTo(Path.of("/tmp/duckstep/extensions"));
    }
}
