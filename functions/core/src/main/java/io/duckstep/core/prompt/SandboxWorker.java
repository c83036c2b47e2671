package io.duckstep.core.prompt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbJson;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.DuckStepException;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.query.PackagedQueries;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretUnavailableException;
import io.duckstep.core.storage.LocalFileStorage;
import org.duckdb.DuckDBDriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process a query the model wrote runs in, started by {@link SandboxedQueryRunner} from the same class path.
 * It loads DuckDB, then waits for exactly one {@link Request} on standard input, answers one {@link Response} on
 * standard output and exits: every query gets a fresh process and a fresh in-memory DuckDB, and nothing of another
 * run. In the database: views over the inputs, the warehouse attached READ_ONLY, a private temporary directory,
 * {@code enable_external_access = false}, {@code allowed_paths} = the inputs, then {@code lock_configuration}.
 */
public final class SandboxWorker
{
    static final ObjectMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** What the runner asks. The token is the one secret the worker needs (MotherDuck), sent over the pipe only. */
    public record Request(
            String sql,
            Map<String, String> inputs,
            String warehouseKind,
            String warehouseFile,
            String motherDuckDatabase,
            String motherDuckCatalog,
            String tokenSecretName,
            String token,
            String memoryLimit,
            int threads,
            String workDirectory,
            String extensionDirectory,
            String temporaryDirectory,
            long timeoutMillis,
            int rowCap,
            int characterCap) {}

    /**
     * @param outcome {@code result}, {@code rejected}, {@code failed}, {@code timeout}, {@code memory} or {@code warehouse}
     * (the warehouse could not be attached: not the query's fault)
     */
    public record Response(String outcome, String json, int rows, boolean truncated, String message, long peakResidentBytes) {}

    private SandboxWorker() {}

    public static void main(String[] arguments)
            throws IOException
    {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        loadDuckDb();
        out.println("ready");
        out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            Runtime.getRuntime().halt(0);
        }
        Request request = JSON.readValue(line, Request.class);
        // if the runner is gone and DuckDB ignores the cancel, the worker still ends
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(request.timeoutMillis() + 2 * SandboxLimits.KILL_GRACE.toMillis());
            }
            catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        }, "duckstep-worker-deadline");
        deadline.setDaemon(true);
        deadline.start();
        Response response;
        try {
            response = run(request);
        }
        catch (OutOfMemoryError e) {
            response = new Response("memory", null, 0, false, "the query's result did not fit in the sandbox's memory", peakResidentBytes());
        }
        out.println(JSON.writeValueAsString(response));
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Loads DuckDB's native library, then deletes the copy the driver unpacked (it stays mapped). */
    private static void loadDuckDb()
    {
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
            connection.isValid(0);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot load DuckDB: " + e.getMessage(), e);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "libduckdb_java*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ignored) {
            // the runner removes the worker's directory afterwards anyway
        }
    }

    static Response run(Request request)
    {
        return run(request, new WarehouseAttacher.ExtensionConnector());
    }

    /**
     * Runs {@code request} in this process, reaching MotherDuck through {@code motherDuck}. The worker process uses the
     * extension; tests use a stand-in MotherDuck, which a separate process cannot reach.
     */
    static Response run(Request request, WarehouseAttacher.MotherDuckConnector motherDuck)
    {
        DuckDb duckDb = new DuckDb(new DuckDbSettings(request.memoryLimit(), request.threads(), Path.of(request.workDirectory()), Path.of(request.extensionDirectory())));
        try (Connection connection = duckDb.open("jdbc:duckdb:",
                Map.of("temp_directory", request.temporaryDirectory(), "max_temp_directory_size", request.memoryLimit()))) {
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, String> input : request.inputs().entrySet()) {
                    statement.execute("CREATE VIEW " + SqlText.identifier(input.getKey()) + " AS SELECT * FROM read_parquet(" + SqlText.literal(input.getValue()) + ")");
                }
            }
            attach(connection, request, motherDuck);
            // DuckStep's own rules (counted sales, product codes), as the packaged queries use them
            PackagedQueries.createMacros(connection);
            List<SqlGuard.TableName> relations = relations(connection);
            try (Statement statement = connection.createStatement()) {
                List<String> allowed = new ArrayList<>();
                request.inputs().values().forEach(path -> allowed.add(SqlText.literal(path)));
                statement.execute("SET allowed_paths = [" + String.join(", ", allowed) + "]");
                statement.execute("SET enable_external_access = false");
                statement.execute("SET lock_configuration = true");
            }
            for (SqlGuard.TableName table : SqlGuard.tableReferences(connection, request.sql())) {
                if (relations.stream().noneMatch(relation -> matches(table, relation))) {
                    String written = String.join(".", List.of(table.catalog(), table.schema(), table.name()).stream().filter(part -> !part.isEmpty()).toList());
                    return new Response("rejected", null, 0, false, "Only the tables described can be read; " + written + " is not one of them.", peakResidentBytes());
                }
            }
            return query(connection, request);
        }
        catch (RejectedQueryException e) {
            return new Response("rejected", null, 0, false, e.getMessage(), peakResidentBytes());
        }
        catch (WarehouseUnavailableException e) {
            return new Response("warehouse", null, 0, false, e.getMessage(), peakResidentBytes());
        }
        catch (DuckStepException e) {
            return new Response("failed", null, 0, false, e.getMessage(), peakResidentBytes());
        }
        catch (SQLException | RuntimeException e) {
            return new Response(outOfMemory(e.getMessage()) ? "memory" : "failed", null, 0, false, "Cannot prepare the query sandbox: " + e.getMessage(), peakResidentBytes());
        }
    }

    private static void attach(Connection connection, Request request, WarehouseAttacher.MotherDuckConnector motherDuck)
    {
        WarehouseSpecification warehouse = switch (request.warehouseKind()) {
            case "file" -> new WarehouseSpecification.DuckDbFile(request.warehouseFile());
            // the read-scaling token only: the full one is never read for the sandbox
            case "motherduck" -> new WarehouseSpecification.MotherDuck(request.motherDuckDatabase(), request.motherDuckCatalog(),
                    Optional.empty(), Optional.of(request.tokenSecretName()));
            default -> new WarehouseSpecification.None();
        };
        new WarehouseAttacher(new LocalFileStorage(), name -> {
            if (request.token() == null || !name.equals(request.tokenSecretName())) {
                throw new SecretUnavailableException("The sandbox was given no secret " + name);
            }
            return new Secret(request.token());
        }, motherDuck).attach(connection, warehouse, WarehouseAttacher.Queries.UNTRUSTED);
    }

    /** The views and tables the sandbox made: the inputs and the warehouse's tables. */
    private static List<SqlGuard.TableName> relations(Connection connection)
            throws SQLException
    {
        List<SqlGuard.TableName> relations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT database_name, schema_name, table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary "
                        + "UNION ALL SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary")) {
            while (rows.next()) {
                relations.add(new SqlGuard.TableName(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return relations;
    }

    private static boolean matches(SqlGuard.TableName written, SqlGuard.TableName relation)
    {
        if (!written.name().equalsIgnoreCase(relation.name())) {
            return false;
        }
        if (!written.catalog().isEmpty()) {
            return written.catalog().equalsIgnoreCase(relation.catalog()) && (written.schema().isEmpty() || written.schema().equalsIgnoreCase(relation.schema()));
        }
        // schema.table is either a schema of the search path or a catalog (MotherDuck: e_commerce is the database)
        return written.schema().isEmpty() || written.schema().equalsIgnoreCase(relation.schema()) || written.schema().equalsIgnoreCase(relation.catalog());
    }

    private static Response query(Connection connection, Request request)
            throws SQLException
    {
        String body = SqlText.withoutTrailingSemicolons(request.sql());
        int rowCap = request.rowCap();
        // One row more than the cap is read, to know whether the result was cut; the JSON is cut in DuckDB so a huge
        // value never reaches the JVM.
        String wrapped = "WITH duckstep_capped AS MATERIALIZED (SELECT * FROM (" + body + "\n) LIMIT " + (rowCap + 1) + ") "
                + "SELECT (SELECT left(coalesce(to_json(list(shown)), '[]')::VARCHAR, " + (request.characterCap() + 1) + ") FROM (SELECT * FROM duckstep_capped LIMIT " + rowCap + ") shown), "
                + "(SELECT count(*) FROM duckstep_capped)";
        AtomicBoolean timedOut = new AtomicBoolean();
        try (Statement statement = connection.createStatement()) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(request.timeoutMillis());
                }
                catch (InterruptedException e) {
                    return;
                }
                timedOut.set(true);
                try {
                    statement.cancel();
                }
                catch (SQLException ignored) {
                    // finished meanwhile
                }
            }, "duckstep-worker-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try (ResultSet result = statement.executeQuery(wrapped)) {
                result.next();
                String json = result.getString(1);
                long count = result.getLong(2);
                boolean truncated = count > rowCap;
                if (json.length() > request.characterCap()) {
                    json = json.substring(0, request.characterCap()) + "…(truncated)";
                    truncated = true;
                }
                else {
                    json = DuckDbJson.standard(json);
                }
                return new Response("result", json, (int) Math.min(count, rowCap), truncated, null, peakResidentBytes());
            }
            catch (SQLException e) {
                if (timedOut.get()) {
                    return new Response("timeout", null, 0, false, null, peakResidentBytes());
                }
                if (outOfMemory(e.getMessage())) {
                    return new Response("memory", null, 0, false, null, peakResidentBytes());
                }
                return new Response("failed", null, 0, false, e.getMessage(), peakResidentBytes());
            }
            finally {
                watchdog.interrupt();
            }
        }
    }

    static boolean outOfMemory(String message)
    {
        String text = Optional.ofNullable(message).orElse("").toLowerCase(Locale.ROOT);
        return text.contains("out of memory") || text.contains("std::bad_alloc") || text.contains("failed to allocate") || text.contains("could not allocate");
    }

    /** This process's peak resident memory (VmHWM), or -1 where /proc is not there. */
    static long peakResidentBytes()
    {
        return ProcessMemory.kilobytes(Path.of("/proc/self/status"), "VmHWM") * 1024;
    }
}
