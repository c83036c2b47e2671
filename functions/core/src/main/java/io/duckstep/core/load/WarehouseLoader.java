package io.duckstep.core.load;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.duckstep.core.load.TransactionsSchema.WAREHOUSE_SCHEMA;
import static io.duckstep.core.load.TransactionsSchema.WAREHOUSE_TABLE;
import static java.util.Objects.requireNonNull;

/**
 * Builds or refreshes the local warehouse: a DuckDB file with schema {@code e_commerce} and table
 * {@code year_09_10}, from transactions files of any supported format.
 *
 * <p>Atomic: the new warehouse is written to a temporary file beside the target (a copy of the old one
 * when appending) and renamed over it only when complete. A failure leaves the previous warehouse as
 * it was and no partial file behind.
 */
public final class WarehouseLoader
{
    private final DuckDb duckDb;
    private final TransactionsReader reader;

    public WarehouseLoader(DuckDb duckDb, TransactionsReader reader)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    /**
     * @param append keep the rows already in the warehouse and add the sources' rows; otherwise replace them
     */
    public WarehouseLoadResult load(List<Path> sources, Path warehouse, boolean append)
    {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("No source files to load");
        }
        long start = System.nanoTime();
        Path target = warehouse.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".loading");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + ".wal"));
            boolean existing = append && Files.isRegularFile(target);
            if (existing) {
                Files.copy(target, temporary);
            }
            String table = SqlText.identifier(WAREHOUSE_SCHEMA) + "." + SqlText.identifier(WAREHOUSE_TABLE);
            long rows;
            List<String> notes = new ArrayList<>();
            try (Connection connection = duckDb.openFile(temporary, false);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlText.identifier(WAREHOUSE_SCHEMA));
                for (int index = 0; index < sources.size(); index++) {
                    Path source = sources.get(index);
                    if (index == 0 && !existing) {
                        notes.addAll(reader.load(connection, source, source.toString(), WAREHOUSE_SCHEMA + "." + WAREHOUSE_TABLE).notes());
                        continue;
                    }
                    String loaded = "main.duckstep_source_" + index;
                    notes.addAll(reader.load(connection, source, source.toString(), loaded).notes());
                    statement.execute("INSERT INTO " + table + " SELECT * FROM " + loaded);
                    statement.execute("DROP TABLE " + loaded);
                }
                try (var count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    rows = count.getLong(1);
                }
                statement.execute("CHECKPOINT");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new WarehouseLoadResult(target, rows, List.copyOf(sources), notes, (System.nanoTime() - start) / 1_000_000);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot write warehouse " + warehouse + ": " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write warehouse " + warehouse, e);
        }
        finally {
            deleteQuietly(temporary);
            deleteQuietly(temporary.resolveSibling(temporary.getFileName() + ".wal"));
        }
    }

    private static void deleteQuietly(Path path)
    {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // best effort
        }
    }
}
