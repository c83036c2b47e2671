package io.duckstep.core.report;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbJson;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.query.PackagedQueries;
import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.task.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds the summary report: one self-contained interactive HTML page from the three Parquet results.
 * DuckDB selects every row the page shows and hands it over as JSON; the page is written to a local
 * file and then published, so nothing half-written is ever visible.
 */
public final class ReportTask
        implements Task<ReportRequest, ReportOutput>
{
    static final int CHART_ROWS = 15;
    static final int TABLE_ROWS = 20;

    private final DuckDb duckDb;
    private final RunLayout layout;
    private final WarehouseSpecification warehouse;

    public ReportTask(DuckDb duckDb, RunLayout layout, WarehouseSpecification warehouse)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    @Override
    public ReportOutput run(ReportRequest request)
    {
        long start = System.nanoTime();
        Map<String, QueryOutput> results = new LinkedHashMap<>();
        for (String name : PackagedQueries.SUMMARY) {
            results.put(name, request.results().stream().filter(result -> result.name().equals(name)).findFirst()
                    .orElseThrow(() -> new ReportException("The report needs the result of query '" + name + "'; it was given "
                            + request.results().stream().map(QueryOutput::name).toList())));
        }
        String location = layout.report(request.runId());
        Path page;
        List<String> headlines;
        try (Connection connection = duckDb.openInMemory()) {
            for (Map.Entry<String, QueryOutput> result : results.entrySet()) {
                Path parquet = layout.storage().fetch(result.getValue().location());
                execute(connection, "CREATE VIEW " + result.getKey() + " AS SELECT * FROM read_parquet(" + SqlText.literal(parquet.toAbsolutePath().toString()) + ")");
            }
            headlines = headlines(connection);
            String data = "{\"charts\":{"
                    + "\"quantity\":" + json(connection, "SELECT * FROM ((SELECT * FROM sales_trends WHERE avg_quantity_change > 0 ORDER BY avg_quantity_change DESC, stock_code LIMIT 10) "
                    + "UNION ALL (SELECT * FROM sales_trends WHERE avg_quantity_change < 0 ORDER BY avg_quantity_change, stock_code LIMIT 10)) "
                    + "ORDER BY avg_quantity_change DESC, stock_code")
                    + ",\"elasticity\":" + json(connection, "SELECT * FROM price_elasticity WHERE elasticity_change IS NOT NULL ORDER BY abs(elasticity_change) DESC, stock_code LIMIT " + CHART_ROWS)
                    + ",\"transactions\":" + json(connection, "SELECT * FROM customer_segmentation WHERE transactions_change <> 0 ORDER BY abs(transactions_change) DESC, customer_id LIMIT " + CHART_ROWS)
                    + ",\"spend\":" + json(connection, "SELECT * FROM customer_segmentation WHERE spend_change <> 0 ORDER BY abs(spend_change) DESC, customer_id LIMIT " + CHART_ROWS)
                    + "},\"tables\":{"
                    + String.join(",", results.keySet().stream().map(name -> "\"" + name + "\":" + table(connection, name)).toList())
                    + "}}";
            page = ReportPage.render(new ReportPage.Content(request, results.values().stream().toList(), headlines, data,
                    warehouseDescription(), warehouseBytes(), (System.nanoTime() - start) / 1_000_000));
        }
        catch (SQLException e) {
            throw new ReportException("Cannot read the summary results for run " + request.runId() + ": " + e.getMessage(), e);
        }
        try {
            long bytes = Files.size(page);
            layout.storage().publish(page, location, "text/html; charset=utf-8");
            return new ReportOutput(location, bytes, headlines, (System.nanoTime() - start) / 1_000_000);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            try {
                Files.deleteIfExists(page);
            }
            catch (IOException ignored) {
                // a leftover temporary page is harmless
            }
        }
    }

    private static List<String> headlines(Connection connection)
            throws SQLException
    {
        List<String> headlines = new ArrayList<>();
        addFirst(connection, headlines, "SELECT printf('Largest rise in average quantity per order line: %s (%s), %.1f historically, %.1f in the upload.', "
                + "coalesce(description, '?'), stock_code, historical_avg_quantity, recent_avg_quantity) FROM sales_trends WHERE avg_quantity_change > 0 "
                + "ORDER BY avg_quantity_change DESC, stock_code LIMIT 1");
        addFirst(connection, headlines, "SELECT printf('Largest change in price elasticity: %s (%s), correlation of price and quantity %.2f historically, %.2f in the upload.', "
                + "coalesce(description, '?'), stock_code, historical_elasticity, recent_elasticity) FROM price_elasticity WHERE elasticity_change IS NOT NULL "
                + "ORDER BY abs(elasticity_change) DESC, stock_code LIMIT 1");
        addFirst(connection, headlines, "SELECT printf('Largest change in spend: customer %d, %s in the upload against %s historically.', "
                + "customer_id, format('{:,.2f}', recent_spend), format('{:,.2f}', historical_spend)) FROM customer_segmentation WHERE spend_change <> 0 "
                + "ORDER BY abs(spend_change) DESC, customer_id LIMIT 1");
        return headlines;
    }

    private static void addFirst(Connection connection, List<String> headlines, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            if (row.next()) {
                headlines.add(row.getString(1));
            }
        }
    }

    private static String table(Connection connection, String name)
    {
        try {
            long total;
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM " + name)) {
                count.next();
                total = count.getLong(1);
            }
            String columns;
            try (Statement statement = connection.createStatement();
                    ResultSet names = statement.executeQuery("SELECT to_json(list(column_name)) FROM (DESCRIBE SELECT * FROM " + name + ")")) {
                names.next();
                columns = names.getString(1);
            }
            return "{\"columns\":" + columns + ",\"total\":" + total + ",\"rows\":" + json(connection, "SELECT * FROM " + name + " LIMIT " + TABLE_ROWS) + "}";
        }
        catch (SQLException e) {
            throw new ReportException("Cannot read result '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The rows of a query as a JSON array of objects, in the query's order, produced by DuckDB. */
    private static String json(Connection connection, String query)
            throws SQLException
    {
        String sql = "SELECT coalesce(to_json(list(t ORDER BY ordinal)), '[]')::VARCHAR "
                + "FROM (SELECT *, row_number() OVER () AS ordinal FROM (" + query + ")) t";
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return DuckDbJson.standard(row.getString(1));
        }
    }

    private String warehouseDescription()
    {
        if (warehouse instanceof WarehouseSpecification.DuckDbFile file) {
            return file.location();
        }
        if (warehouse instanceof WarehouseSpecification.MotherDuck motherDuck) {
            return "md:" + motherDuck.database();
        }
        return "none";
    }

    private long warehouseBytes()
    {
        if (warehouse instanceof WarehouseSpecification.DuckDbFile file && layout.storage().exists(file.location())) {
            return layout.storage().size(file.location());
        }
        return -1;
    }

    private static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
