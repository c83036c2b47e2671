package io.duckstep.local.benchmark;

import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.load.TransactionsSchema;
import io.duckstep.core.query.PackagedQueries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The benchmark's baseline: what a user of DuckDB alone would write. Plain JDBC on the same engine, the upload read
 * with {@code read_csv} and explicit types into an in-memory table {@code mydf}, the warehouse attached read-only,
 * and the three packaged queries run one after the other, each written as Parquet. The same {@code memory_limit}
 * and {@code threads} as DuckStep's (from the environment). No validation, no report.
 * Usage: {@code DuckDbAlone UPLOAD_CSV WAREHOUSE OUTPUT_DIRECTORY}, or {@code DuckDbAlone --query SQL OUTPUT_PARQUET} for
 * the start-up baseline: one query written to Parquet, what {@code duckstep query} does.
 */
public final class DuckDbAlone
{
    static final String QUERY = "--query";

    private DuckDbAlone() {}

    public static void main(String[] arguments)
            throws Exception
    {
        if (arguments[0].equals(QUERY)) {
            query(arguments[1], Path.of(arguments[2]));
            return;
        }
        run(DuckDbSettings.fromEnvironment(System.getenv()), Path.of(arguments[0]), Path.of(arguments[1]), Path.of(arguments[2]));
    }

    static void run(DuckDbSettings settings, Path upload, Path warehouse, Path output)
            throws Exception
    {
        Files.createDirectories(output);
        Properties properties = new Properties();
        properties.setProperty("memory_limit", settings.memoryLimit());
        properties.setProperty("threads", Integer.toString(settings.threads()));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE mydf AS SELECT * FROM read_csv(" + SqlText.literal(upload.toAbsolutePath().toString())
                    + ", header = true, timestampformat = '%Y-%m-%d %H:%M:%S', columns = " + columns() + ")");
            statement.execute("ATTACH " + SqlText.literal(warehouse.toAbsolutePath().toString()) + " AS warehouse (READ_ONLY)");
            statement.execute("SET search_path = 'memory.main,warehouse." + TransactionsSchema.WAREHOUSE_SCHEMA + "'");
            // the packaged queries' shared rules (counted sales, product codes), as anyone running the .sql files does first
            PackagedQueries.createMacros(connection);
            for (String query : PackagedQueries.SUMMARY) {
                statement.execute("COPY (" + PackagedQueries.sql(query) + "\n) TO " + SqlText.literal(output.resolve(query + ".parquet").toAbsolutePath().toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
            }
        }
    }

    static void query(String sql, Path output)
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + sql + ") TO " + SqlText.literal(output.toAbsolutePath().toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    /** {@code {'Invoice': 'VARCHAR', ...}} from the one definition of the columns. */
    private static String columns()
    {
        return TransactionsSchema.COLUMNS.stream()
                .map(column -> SqlText.literal(column.name()) + ": " + SqlText.literal(column.type()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
