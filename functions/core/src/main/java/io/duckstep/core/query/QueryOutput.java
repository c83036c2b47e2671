package io.duckstep.core.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a query task returns: a small description of a result that was written once as Parquet.
 * It is bounded in size whatever the result's size (the preview is capped in rows and characters),
 * so it fits comfortably in a Step Functions state (256 KB).
 *
 * @param name the packaged query's name, or {@code adhoc}
 * @param location where the Parquet result was published
 * @param rowCount rows in the result
 * @param columns the result's columns with their DuckDB types
 * @param preview the first rows as a JSON array of objects, capped
 * @param elapsedMilliseconds wall time of the task
 * @param sql the statement that ran (capped in length)
 */
public record QueryOutput(
        String name,
        String location,
        long rowCount,
        List<ColumnDescription> columns,
        JsonNode preview,
        long elapsedMilliseconds,
        String sql)
{
    public QueryOutput
    {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(preview, "preview is null");
        requireNonNull(sql, "sql is null");
    }
}
