package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbJson;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.QueryFailedException;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Runs a query the model wrote (after {@link SqlGuard}) where it can do no harm: a fresh in-memory DuckDB whose
 * only tables are views over the inputs and the warehouse attached READ_ONLY (MotherDuck: in SaaS mode, with the
 * read-scaling token where one is configured); then file and network access is
 * switched off except for the input files ({@code enable_external_access = false}, {@code allowed_paths}) and
 * the configuration is locked, so the query cannot switch anything back. A wall-clock timeout cancels the
 * query; at most the row cap of rows is read, and the JSON handed back is cut to the character cap.
 */
public final class SandboxedQueryRunner
{
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "duckstep-query-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final DuckDb duckDb;
    private final WarehouseAttacher attacher;
    private final WarehouseSpecification warehouse;
    private final Duration timeout;
    private final int rowCap;
    private final int characterCap;

    public SandboxedQueryRunner(DuckDb duckDb, WarehouseAttacher attacher, WarehouseSpecification warehouse, Duration timeout, int rowCap, int characterCap)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.attacher = requireNonNull(attacher, "attacher is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.rowCap = rowCap;
        this.characterCap = characterCap;
    }

    /**
     * @param inputs table name to a local Parquet file
     * @throws QueryTimedOutException when the query runs past the timeout
     * @throws QueryFailedException with DuckDB's message when the query fails (for example a refused file access)
     */
    public SandboxedResult run(String sql, Map<String, Path> inputs)
    {
        try (Connection connection = duckDb.openInMemory()) {
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, Path> input : inputs.entrySet()) {
                    statement.execute("CREATE VIEW " + SqlText.identifier(input.getKey()) + " AS SELECT * FROM read_parquet("
                            + SqlText.literal(input.getValue().toAbsolutePath().toString()) + ")");
                }
            }
            attacher.attach(connection, warehouse, WarehouseAttacher.Queries.UNTRUSTED);
            try (Statement statement = connection.createStatement()) {
                String allowed = inputs.values().stream().map(path -> SqlText.literal(path.toAbsolutePath().toString())).collect(Collectors.joining(", ", "[", "]"));
                statement.execute("SET allowed_paths = " + allowed);
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
            }
            return query(connection, sql);
        }
        catch (SQLException e) {
            throw new QueryFailedException("Cannot prepare the query sandbox: " + e.getMessage(), e);
        }
    }

    private SandboxedResult query(Connection connection, String sql)
            throws SQLException
    {
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        // One row more than the cap is read, to know whether the result was cut.
        String wrapped = "WITH duckstep_capped AS MATERIALIZED (SELECT * FROM (" + body + "\n) LIMIT " + (rowCap + 1) + ") "
                + "SELECT (SELECT coalesce(to_json(list(shown)), '[]')::VARCHAR FROM (SELECT * FROM duckstep_capped LIMIT " + rowCap + ") shown), "
                + "(SELECT count(*) FROM duckstep_capped)";
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Statement statement = connection.createStatement()) {
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                try {
                    statement.cancel();
                }
                catch (SQLException ignored) {
                    // the statement finished meanwhile
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet result = statement.executeQuery(wrapped)) {
                result.next();
                String json = DuckDbJson.standard(result.getString(1));
                long count = result.getLong(2);
                boolean truncated = count > rowCap;
                if (json.length() > characterCap) {
                    json = json.substring(0, characterCap) + "…(truncated)";
                    truncated = true;
                }
                return new SandboxedResult(json, (int) Math.min(count, rowCap), truncated);
            }
            catch (SQLException e) {
                if (timedOut.get()) {
                    throw new QueryTimedOutException("The query ran longer than " + timeout.toSeconds() + " s and was stopped: simplify it or aggregate more.");
                }
                throw new QueryFailedException(e.getMessage(), e);
            }
            finally {
                watchdog.cancel(false);
            }
        }
    }
}
