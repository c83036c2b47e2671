package io.duckstep.core.queries;

import io.duckstep.testing.ProjectRoot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Test fixture: an in-memory DuckDB database (plain DuckDB JDBC) holding the two tables the packaged summary
 * queries read, the warehouse table {@code e_commerce.year_09_10} and the recent upload {@code mydf}, built from
 * CSV files with DuckDB's {@code read_csv} and explicit column types. Independent of the project's loader.
 */
final class SummaryQueryDatabase
        implements AutoCloseable
{
    static final String SAMPLE = "data/online_retail_II/sample_2009-12_2010-01.csv.gz";
    private static final String COLUMN_TYPES = "{'Invoice': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', "
            + "'Quantity': 'INTEGER', 'InvoiceDate': 'TIMESTAMP', 'Price': 'DOUBLE', 'Customer ID': 'INTEGER', 'Country': 'VARCHAR'}";

    private final Connection connection;

    private SummaryQueryDatabase(Connection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** Demo scenario: historical = the whole sample (52,516 rows), recent = its rows before 2009-12-10 (20,961). */
    static SummaryQueryDatabase demoSample()
    {
        SummaryQueryDatabase database = open();
        String sample = ProjectRoot.find().resolve(SAMPLE).toString();
        database.execute("CREATE SCHEMA e_commerce");
        database.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT * FROM " + readCsv(sample));
        database.execute("CREATE TABLE mydf AS SELECT * FROM e_commerce.year_09_10 WHERE InvoiceDate < TIMESTAMP '2009-12-10 00:00:00'");
        return database;
    }

    /** The hand-written fixture: src/test/resources/queries/tiny_recent.csv and tiny_historical.csv. */
    static SummaryQueryDatabase handWritten()
    {
        SummaryQueryDatabase database = open();
        database.execute("CREATE SCHEMA e_commerce");
        database.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT * FROM " + readCsv(resourceFile("/queries/tiny_historical.csv")));
        database.execute("CREATE TABLE mydf AS SELECT * FROM " + readCsv(resourceFile("/queries/tiny_recent.csv")));
        return database;
    }

    /** The text of a packaged query, from the classpath: /io/duckstep/core/queries/{name}.sql. */
    static String queryText(String name)
    {
        String resource = "/io/duckstep/core/queries/" + name + ".sql";
        try (InputStream input = SummaryQueryDatabase.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("Query resource not found on the classpath: " + resource);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read query resource " + resource, e);
        }
    }

    /** Runs the packaged query and returns its rows, each a map from column name to value, in result order. */
    List<Map<String, Object>> run(String queryName)
    {
        return select(queryText(queryName));
    }

    /** Column name and DuckDB type name of each column of the packaged query's result, in order. */
    List<String> columns(String queryName)
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(queryText(queryName))) {
            ResultSetMetaData metaData = result.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                columns.add(metaData.getColumnName(column) + " " + metaData.getColumnTypeName(column));
            }
            return columns;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Query " + queryName + " failed: " + e.getMessage(), e);
        }
    }

    /** Number of rows of the packaged query's result for which {@code condition} (SQL over its columns) holds. */
    long countWhere(String queryName, String condition)
    {
        return (Long) scalar("SELECT count(*) FROM (" + queryText(queryName) + ") WHERE " + condition);
    }

    /** The single value of a one-row, one-column query. */
    Object scalar(String sql)
    {
        List<Map<String, Object>> rows = select(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one row with one column from: " + sql);
        }
        return rows.get(0).values().iterator().next();
    }

    List<Map<String, Object>> select(String sql)
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = result.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    row.put(metaData.getColumnName(column), result.getObject(column));
                }
                rows.add(Collections.unmodifiableMap(row));
            }
            return List.copyOf(rows);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    @Override
    public void close()
            throws SQLException
    {
        connection.close();
    }

    private void execute(String sql)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static SummaryQueryDatabase open()
    {
        try {
            SummaryQueryDatabase database = new SummaryQueryDatabase(DriverManager.getConnection("jdbc:duckdb:"));
            // The macros the packaged queries share, as anyone running them directly creates them first.
            database.execute(queryText("setup/macros"));
            return database;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot open an in-memory DuckDB database: " + e.getMessage(), e);
        }
    }

    private static String readCsv(String file)
    {
        return "read_csv('" + file.replace("'", "''") + "', header = true, delim = ',', quote = '\"', escape = '\"', "
                + "timestampformat = '%Y-%m-%d %H:%M:%S', columns = " + COLUMN_TYPES + ")";
    }

    private static String resourceFile(String resource)
    {
        URL url = SummaryQueryDatabase.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Test resource not found on the classpath: " + resource);
        }
        try {
            return Paths.get(url.toURI()).toString();
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("Test resource " + resource + " has an invalid location " + url, e);
        }
    }

}
