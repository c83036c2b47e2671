package io.duckstep.core.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One query to run: exactly one of a packaged query's name or SQL text, the named inputs
 * (table name to data file location), bind parameters, and where the Parquet result goes.
 *
 * @param queryName a packaged query's name
 * @param sql SQL text, a single SELECT
 * @param inputs table name to location (CSV, CSV.gz, XLSX or Parquet), in registration order
 * @param parameters values bound to the statement's {@code ?} or {@code $1} placeholders, in order
 * @param outputLocation where the Parquet result is published
 */
public record QueryRequest(
        Optional<String> queryName,
        Optional<String> sql,
        Map<String, String> inputs,
        List<Object> parameters,
        String outputLocation)
{
    public QueryRequest
    {
        requireNonNull(queryName, "queryName is null");
        requireNonNull(sql, "sql is null");
        if (queryName.isPresent() == sql.isPresent()) {
            throw new IllegalArgumentException("Give exactly one of a query name or SQL text");
        }
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(inputs, "inputs is null")));
        inputs.keySet().forEach(QueryRequest::requireTableName);
        // List.copyOf refuses nulls, and SQL NULL is a legitimate parameter value.
        parameters = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameters, "parameters is null")));
        requireNonNull(outputLocation, "outputLocation is null");
    }

    public static QueryRequest packaged(String queryName, Map<String, String> inputs, String outputLocation)
    {
        return new QueryRequest(Optional.of(queryName), Optional.empty(), inputs, List.of(), outputLocation);
    }

    public static QueryRequest adhoc(String sql, Map<String, String> inputs, List<Object> parameters, String outputLocation)
    {
        return new QueryRequest(Optional.empty(), Optional.of(sql), inputs, parameters, outputLocation);
    }

    /** The name results are filed under: the packaged query's name, or {@code adhoc}. */
    public String displayName()
    {
        return queryName.orElse("adhoc");
    }

    private static void requireTableName(String name)
    {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Input table name must be an identifier (letters, digits, underscores): '" + name + "'");
        }
    }
}
