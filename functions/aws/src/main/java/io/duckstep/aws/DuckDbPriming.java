package io.duckstep.aws;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.lambda.support.SnapStartPriming;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * SnapStart priming for the DuckDB functions: before the snapshot, load DuckDB's native library and run the
 * code paths every invocation uses (an in-memory database, CSV and Parquet I/O, JSON), so restored
 * environments start warm. It opens no warehouse, reaches no network and reads no secret: nothing
 * specific to a caller is captured in the snapshot.
 */
public final class DuckDbPriming
{
    private final DuckDb duckDb;

    private DuckDbPriming(DuckDb duckDb)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
    }

    public static DuckDbPriming create(DuckDb duckDb)
    {
        return new DuckDbPriming(duckDb);
    }

    /** Registers priming with the runtime; a no-op outside SnapStart. */
    public static void register(DuckDb duckDb)
    {
        SnapStartPriming.register(create(duckDb)::prime);
    }

    /** Exercises DuckDB once; also callable directly (and tested). */
    public void prime()
            throws Exception
    {
        Path directory = Files.createDirectories(duckDb.settings().temporaryDirectory().resolve("priming"));
        Path csv = directory.resolve("priming.csv");
        Path parquet = directory.resolve("priming.parquet");
        try (Connection connection = duckDb.openInMemory();
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT range AS id, 'x' || range AS name, range * 1.5 AS price FROM range(1000)) TO "
                    + SqlText.literal(csv.toString()) + " (FORMAT csv, HEADER true)");
            statement.execute("COPY (SELECT * FROM read_csv(" + SqlText.literal(csv.toString()) + ")) TO " + SqlText.literal(parquet.toString()) + " (FORMAT parquet)");
            statement.executeQuery("SELECT to_json(list(t)) FROM (SELECT corr(price, id) AS c, count(*) AS n FROM read_parquet(" + SqlText.literal(parquet.toString()) + ")) t").close();
        }
        finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(parquet);
            Files.deleteIfExists(directory);
        }
    }
}
