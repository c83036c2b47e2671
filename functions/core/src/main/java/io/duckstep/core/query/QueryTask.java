package io.duckstep.core.query;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.QueryFailedException;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.core.task.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs one SQL statement over named inputs and the warehouse, in a fresh in-memory DuckDB,
 * writes the result once as Parquet and returns a small description of it.
 * DuckDB reads the inputs, runs the query and writes the Parquet file; Java only wires them.
 * In a workflow ({@link QueryTaskInput}) the result goes under the run: {@code <root>/<runId>/results/<query>.parquet}.
 */
public final class QueryTask
        implements Task<QueryTaskInput, QueryOutput>
{
    /** At most this many rows go into the preview... */
    static final int PREVIEW_ROWS = 10;
    /** ...and at most this many characters, so the description stays small for any result. */
    static final int PREVIEW_CHARACTERS = 8 * 1024;
    static final int SQL_CHARACTERS = 8 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final DuckDb duckDb;
    private final RunLayout layout;
    private final ObjectStorage storage;
    private final InputTables inputTables;
    private final WarehouseAttacher warehouseAttacher;
    private final WarehouseSpecification warehouse;

    public QueryTask(DuckDb duckDb, RunLayout layout, InputTables inputTables, WarehouseAttacher warehouseAttacher, WarehouseSpecification warehouse)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.storage = layout.storage();
        this.inputTables = requireNonNull(inputTables, "inputTables is null");
        this.warehouseAttacher = requireNonNull(warehouseAttacher, "warehouseAttacher is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    @Override
    public QueryOutput run(QueryTaskInput input)
    {
        return run(input.toRequest(layout));
    }

    public QueryOutput run(QueryRequest request)
    {
        long start = System.nanoTime();
        String sql = request.queryName().map(PackagedQueries::sql).orElseGet(() -> request.sql().orElseThrow());
        String statement = SqlText.withoutTrailingSemicolons(sql);
        Path localResult = temporaryResultFile(request.displayName());
        try {
            List<ColumnDescription> columns;
            JsonNode preview;
            long rowCount;
            try (Connection connection = duckDb.openInMemory()) {
                PackagedQueries.createMacros(connection);
                for (Map.Entry<String, String> input : request.inputs().entrySet()) {
                    inputTables.register(connection, input.getKey(), input.getValue());
                }
                warehouseAttacher.attach(connection, warehouse);
                rowCount = copyToParquet(connection, request, statement, localResult);
                columns = describe(connection, localResult);
                preview = preview(connection, localResult);
            }
            catch (SQLException e) {
                throw new QueryFailedException("Query '" + request.displayName() + "' failed while reading its result: " + e.getMessage(), e);
            }
            storage.publish(localResult, request.outputLocation(), "application/vnd.apache.parquet");
            long elapsedMilliseconds = (System.nanoTime() - start) / 1_000_000;
            return new QueryOutput(request.displayName(), request.outputLocation(), rowCount, columns, preview, elapsedMilliseconds, truncate(sql, SQL_CHARACTERS));
        }
        finally {
            deleteQuietly(localResult);
        }
    }

    private static long copyToParquet(Connection connection, QueryRequest request, String statement, Path target)
    {
        String copy = "COPY (" + statement + "\n) TO " + SqlText.literal(target.toAbsolutePath().toString()) + " (FORMAT parquet, COMPRESSION zstd)";
        try (PreparedStatement prepared = connection.prepareStatement(copy)) {
            List<Object> parameters = request.parameters();
            for (int index = 0; index < parameters.size(); index++) {
                prepared.setObject(index + 1, parameters.get(index));
            }
            prepared.execute();
            return prepared.getUpdateCount();
        }
        catch (SQLException e) {
            throw new QueryFailedException("Query '" + request.displayName() + "' failed: " + e.getMessage(), e);
        }
    }

    private static List<ColumnDescription> describe(Connection connection, Path result)
            throws SQLException
    {
        List<ColumnDescription> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))")) {
            statement.setString(1, result.toAbsolutePath().toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(new ColumnDescription(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return columns;
    }

    /**
     * The first rows as JSON, produced by DuckDB. Halves the row count until the preview fits
     * in {@link #PREVIEW_CHARACTERS}; a single huge row yields an empty preview rather than a large state.
     */
    private static JsonNode preview(Connection connection, Path result)
            throws SQLException
    {
        for (int rows = PREVIEW_ROWS; rows > 0; rows /= 2) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT coalesce(json_group_array(to_json(t)), '[]')::VARCHAR FROM (SELECT * FROM read_parquet(?) LIMIT " + rows + ") t")) {
                statement.setString(1, result.toAbsolutePath().toString());
                try (ResultSet resultSet = statement.executeQuery()) {
                    resultSet.next();
                    String json = resultSet.getString(1);
                    if (json.length() <= PREVIEW_CHARACTERS) {
                        return JSON.readTree(json);
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("DuckDB produced a preview that is not JSON", e);
            }
        }
        return JSON.createArrayNode();
    }

    private static String truncate(String text, int characters)
    {
        return text.length() <= characters ? text : text.substring(0, characters) + "\n-- (truncated)";
    }

    private Path temporaryResultFile(String name)
    {
        try {
            Path directory = Files.createDirectories(duckDb.settings().scratchDirectory());
            Path file = Files.createTempFile(directory, name + "-", ".parquet");
            Files.delete(file);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary result file", e);
        }
    }

    private static void deleteQuietly(Path path)
    {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
