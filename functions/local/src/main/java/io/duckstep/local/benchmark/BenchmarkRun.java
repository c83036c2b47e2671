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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's measured runs, in a JVM of their own.
 * <ul>
 * <li>{@code staged WAREHOUSE UPLOAD OUTPUT}: the earlier baseline, DuckDB on one connection with DuckStep's own
 * upload validation (the same reader as the workflow), the warehouse attached the same way, and the three queries
 * one after the other, each written as Parquet;</li>
 * <li>{@code in-process REPETITIONS WAREHOUSE UPLOAD OUTPUT MODE...}: the modes ({@code workflow}, {@code duckdb},
 * {@code staged}) interleaved in this one warm JVM, after one unmeasured round; prints
 * {@code mode wallMilliseconds cpuMilliseconds} per run.</li>
 * </ul>
 */
public final class BenchmarkRun
{
    private BenchmarkRun() {}

    public static void main(String[] arguments)
            throws Exception
    {
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(System.getenv());
        switch (arguments[0]) {
            case "staged" -> staged(settings, Path.of(arguments[1]), Path.of(arguments[2]), Path.of(arguments[3]));
            case "in-process" -> inProcess(settings, Integer.parseInt(arguments[1]), Path.of(arguments[2]), Path.of(arguments[3]), Path.of(arguments[4]),
                    Arrays.asList(arguments).subList(5, arguments.length));
            default -> throw new IllegalArgumentException("the first argument must be staged or in-process");
        }
    }

    private static void inProcess(DuckDbSettings settings, int repetitions, Path warehouse, Path upload, Path output, List<String> modes)
            throws Exception
    {
        for (int round = 0; round <= repetitions; round++) {
            for (String mode : modes) {
                Path directory = output.resolve(mode + "-" + round);
                long cpu = ProcessStatistics.cpuMilliseconds();
                long start = System.nanoTime();
                run(mode, settings, warehouse, upload, directory);
                long wall = (System.nanoTime() - start) / 1_000_000;
                cpu = ProcessStatistics.cpuMilliseconds() - cpu;
                if (round > 0) {
                    System.out.println(mode + " " + wall + " " + cpu);
                    System.out.flush();
                }
                BenchmarkFiles.deleteRecursively(directory);
            }
        }
    }

    private static void run(String mode, DuckDbSettings settings, Path warehouse, Path upload, Path output)
            throws Exception
    {
        switch (mode) {
            case "workflow" -> workflow(settings, warehouse, upload, output);
            case "duckdb" -> DuckDbAlone.run(settings, upload, warehouse, output);
            case "staged" -> staged(settings, warehouse, upload, output);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    /** The summary workflow through the local runner, as {@code duckstep run summary} runs it. */
    private static void workflow(DuckDbSettings settings, Path warehouse, Path upload, Path output)
    {
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), upload.getParent(), new WarehouseSpecification.DuckDbFile(warehouse.toString()), settings));
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, LocalWorkflows.newExecutionName("benchmark"), JsonNodeFactory.instance.objectNode().put("upload", upload.toString()));
        if (!result.succeeded()) {
            throw new IllegalStateException("workflow " + result.status() + ": " + result.error().orElse("") + " " + result.cause().orElse(""));
        }
    }

    private static void staged(DuckDbSettings settings, Path warehouse, Path upload, Path output)
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
}
