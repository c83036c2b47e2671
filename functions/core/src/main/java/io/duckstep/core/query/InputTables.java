package io.duckstep.core.query;

import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.storage.ObjectStorage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Makes a data file visible to a query as a table. A Parquet file (such as a validated upload)
 * becomes a view over {@code read_parquet}; any other file is a transactions file and goes through
 * {@link TransactionsReader}, which validates and types it.
 */
public final class InputTables
{
    private final ObjectStorage storage;
    private final TransactionsReader transactionsReader;

    public InputTables(ObjectStorage storage, TransactionsReader transactionsReader)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.transactionsReader = requireNonNull(transactionsReader, "transactionsReader is null");
    }

    public void register(Connection connection, String table, String location)
    {
        Path file;
        try {
            file = storage.fetch(location);
        }
        catch (ObjectNotFoundException e) {
            throw new InvalidInputException(location, "file does not exist");
        }
        if (location.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW " + SqlText.identifier(table) + " AS SELECT * FROM read_parquet("
                        + SqlText.literal(file.toAbsolutePath().toString()) + ")");
            }
            catch (SQLException e) {
                throw new InvalidInputException(location, "cannot be read as Parquet: " + e.getMessage());
            }
            return;
        }
        transactionsReader.load(connection, file, location, table);
    }
}
