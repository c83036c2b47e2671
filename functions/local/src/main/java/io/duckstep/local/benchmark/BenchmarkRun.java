package io.duckstep.local.benchmark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.query.PackagedQueries;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.local.EnvironmentSecretStore;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.LocalWorkflows;
import io.duckstep.local.StateMachines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * One measurement, in a JVM of its own so that its peak memory is its own: either the summary workflow
 * through the local runner, or DuckDB running the same three SQL statements directly on one connection
 * (the upload read and validated by the same reader, the warehouse attached the same way, each result
 * written as Parquet). Prints {@code wallMilliseconds peakResidentKilobytes}.
 */
public final class BenchmarkRun
{
    private BenchmarkRun() {}

    public static void main(String[] arguments)
            throws Exception
    {
        String mode = arguments[0];
        Path warehouse = Path.of(arguments[1]);
        Path upload = Path.of(arguments[2]);
        Path output = Path.of(arguments[3]);
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(System.getenv()).withThreads(Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        switch (mode) {
            case "workflow" -> workflow(settings, warehouse, upload, output);
            case "direct" -> direct(settings, warehouse, upload, output);
            default -> throw new IllegalArgumentException("mode must be workflow or direct");
        }
        long wallMilliseconds = (System.nanoTime() - start) / 1_000_000;
        System.out.println(wallMilliseconds + " " + peakResidentKilobytes());
    }

    private static void workflow(DuckDbSettings settings, Path warehouse, Path upload, Path output)
    {
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), upload.getParent(), new WarehouseSpecification.DuckDbFile(warehouse.toString()), settings));
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, LocalWorkflows.newExecutionName("benchmark"), JsonNodeFactory.instance.objectNode().put("upload", upload.toString()));
        if (!result.succeeded()) {
            throw new IllegalStateException("workflow " + result.status() + ": " + result.error().orElse("") + " " + result.cause().orElse(""));
        }
    }

    private static void direct(DuckDbSettings settings, Path warehouse, Path upload, Path output)
            throws Exception
    {
        Files.createDirectories(output);
        try (Connection connection = new DuckDb(settings).openInMemory();
                Statement statement = connection.createStatement()) {
            new TransactionsReader().load(connection, upload, upload.toString(), "mydf");
            new WarehouseAttacher(new LocalFileStorage(), new EnvironmentSecretStore(Map.of())).attach(connection, new WarehouseSpecification.DuckDbFile(warehouse.toString()));
            PackagedQueries.createMacros(connection);
            for (String query : PackagedQueries.SUMMARY) {
                statement.execute("COPY (" + PackagedQueries.sql(query) + "\n) TO " + SqlText.literal(output.resolve(query + ".parquet").toAbsolutePath().toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
            }
        }
    }

    /** The process's peak resident set (VmHWM): the JVM heap and DuckDB's native memory together. */
    static long peakResidentKilobytes()
            throws IOException
    {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1L);
    }
}
