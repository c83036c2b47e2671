package io.duckstep.core.query;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A warehouse file written by a newer DuckDB is refused with DuckDB's own explanation. No newer DuckDB is available
 * here, so a file written by the pinned one gets the storage version a newer one writes (69, DuckDB 2.0's) in its main
 * header: bytes 12-19 after the checksum (bytes 0-7) and the magic "DUCK" (8-11); the checksum is recomputed the way
 * DuckDB computes it (each 64-bit word of bytes 8-4095 multiplied by 0xbf58476d1ce4e5b9, xor-ed into 5381).
 */
class WarehouseFileVersionTest
{
    @TempDir
    Path directory;

    @Test
    void attach_fileOfTheSameVersion_isRead()
            throws Exception
    {
        Path file = writeWarehouse();

        assertThat(storageVersion(Files.readAllBytes(file))).isEqualTo(64);
        try (Connection connection = duckDb().openInMemory()) {
            assertThat(attacher().attach(connection, new WarehouseSpecification.DuckDbFile(file.toString()))).isEqualTo("DuckDB file " + file);
        }
    }

    @Test
    void attach_fileWrittenByANewerDuckDb_isRefusedWithDuckDbsExplanation()
            throws Exception
    {
        Path file = writeWarehouse();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getLong(0)).as("the checksum is computed as DuckDB computes it").isEqualTo(checksum(bytes));
        header.putLong(12, 69);
        header.putLong(0, checksum(bytes));
        Files.write(file, bytes);

        try (Connection connection = duckDb().openInMemory()) {
            assertThatThrownBy(() -> attacher().attach(connection, new WarehouseSpecification.DuckDbFile(file.toString())))
                    .isInstanceOf(WarehouseUnavailableException.class)
                    .hasMessageStartingWith("Cannot attach warehouse file " + file + ": IO Error: Trying to read a database file with version number 69,"
                            + " but we can only read versions between 64 and 68.\nThe database file was created with a newer version of DuckDB.");
        }
    }

    private Path writeWarehouse()
            throws Exception
    {
        Path file = directory.resolve("warehouse.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA e_commerce");
            statement.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT 1 AS Quantity");
        }
        return file;
    }

    private static long storageVersion(byte[] bytes)
    {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(12);
    }

    private static long checksum(byte[] bytes)
    {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long result = 5381;
        for (int offset = 8; offset < 4096; offset += 8) {
            result ^= buffer.getLong(offset) * 0xbf58476d1ce4e5b9L;
        }
        return result;
    }

    private DuckDb duckDb()
    {
        return new DuckDb(new DuckDbSettings("200MB", 1, directory.resolve("work")));
    }

    private static WarehouseAttacher attacher()
    {
        return new WarehouseAttacher(new LocalFileStorage(), new TestingSecretStore(Map.of()));
    }
}
