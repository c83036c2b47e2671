package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.local.benchmark.BenchmarkRun;
import io.duckstep.local.benchmark.SyntheticTransactions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = {
                "Measure the summary workflow against DuckDB running the same three SQL statements directly, on the",
                "bundled sample scaled up synthetically (calibrated to it: see SyntheticTransactions). Each measurement",
                "runs in a JVM of its own; the median wall time and the peak resident memory are printed as Markdown."
        })
final class BenchmarkCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Option(names = "--scales", split = ",", defaultValue = "1,10,100", description = "scale factors (default: ${DEFAULT-VALUE})")
    List<Integer> scales;

    @Option(names = "--repetitions", defaultValue = "3", description = "runs of each measurement; the median is reported (default: ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out/benchmark", description = "working directory (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call()
            throws Exception
    {
        Progress progress = new Progress(specification.commandLine().getErr());
        PrintWriter out = specification.commandLine().getOut();
        DuckDb duckDb = new DuckDb(CommandDefaults.duckDbSettings());
        Files.createDirectories(output);
        Path sample = output.resolve(DemoCommand.SAMPLE);
        try (InputStream stream = BenchmarkCommand.class.getResourceAsStream("/sample/" + DemoCommand.SAMPLE)) {
            Files.copy(stream, sample, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> calibration = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (int scale : scales) {
            Path directory = output.resolve("x" + scale);
            Files.createDirectories(directory);
            Path warehouse = directory.resolve("warehouse.duckdb");
            Path upload = directory.resolve("uploads").resolve("recent.csv");
            progress.step("x" + scale + ": generating data ...");
            calibration.add(generate(duckDb, sample, scale, warehouse, upload));
            long[] workflow = measure(progress, "workflow", scale, warehouse, upload, directory.resolve("workflow"));
            long[] direct = measure(progress, "direct", scale, warehouse, upload, directory.resolve("direct"));
            results.add(String.format(Locale.ROOT, "| x%d | %.2f s | %.2f s | %.2f | %,d MiB | %,d MiB |",
                    scale, workflow[0] / 1000.0, direct[0] / 1000.0, (double) workflow[0] / direct[0], workflow[1] / 1024, direct[1] / 1024));
        }
        out.println("| scale | history rows | upload rows | products | customers | countries | cancellation lines | mean price |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        calibration.forEach(out::println);
        out.println();
        out.println("| scale | workflow (median) | direct SQL (median) | workflow / direct | workflow peak RSS | direct peak RSS |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        results.forEach(out::println);
        out.flush();
        return 0;
    }

    /** Builds the scaled warehouse and the scaled December 2009 upload; returns a calibration table row. */
    private static String generate(DuckDb duckDb, Path sample, int scale, Path warehouse, Path upload)
            throws Exception
    {
        Files.deleteIfExists(warehouse);
        Files.createDirectories(upload.getParent());
        try (Connection connection = duckDb.openInMemory();
                Statement statement = connection.createStatement()) {
            new TransactionsReader().load(connection, sample, sample.toString(), "sample");
            SyntheticTransactions.generate(connection, "sample", scale, "synthetic");
            statement.execute("ATTACH " + SqlText.literal(warehouse.toAbsolutePath().toString()) + " AS warehouse");
            statement.execute("CREATE SCHEMA warehouse.e_commerce");
            statement.execute("CREATE TABLE warehouse.e_commerce.year_09_10 AS SELECT * FROM synthetic");
            statement.execute("DETACH warehouse");
            statement.execute("COPY (SELECT * FROM synthetic WHERE InvoiceDate < TIMESTAMP '2010-01-01') TO "
                    + SqlText.literal(upload.toAbsolutePath().toString()) + " (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
            try (ResultSet row = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE InvoiceDate < TIMESTAMP '2010-01-01'), count(DISTINCT StockCode), "
                    + "count(DISTINCT \"Customer ID\"), count(DISTINCT Country), count(*) FILTER (WHERE starts_with(Invoice, 'C')), avg(Price) FROM synthetic")) {
                row.next();
                return String.format(Locale.ROOT, "| x%d | %,d | %,d | %,d | %,d | %,d | %,d (%.2f%%) | %.3f |", scale, row.getLong(1), row.getLong(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), 100.0 * row.getLong(6) / row.getLong(1), row.getDouble(7));
            }
        }
    }

    /** @return the median wall milliseconds and the largest peak resident kilobytes over the repetitions */
    private long[] measure(Progress progress, String mode, int scale, Path warehouse, Path upload, Path directory)
            throws Exception
    {
        long[] wall = new long[repetitions];
        long peak = 0;
        for (int repetition = 0; repetition < repetitions; repetition++) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BenchmarkRun.class.getName(),
                    mode, warehouse.toString(), upload.toString(), directory.resolve("run-" + repetition).toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new CommandFailedException("benchmark run " + mode + " x" + scale + " failed: " + line);
            }
            String[] fields = line.split(" ");
            wall[repetition] = Long.parseLong(fields[0]);
            peak = Math.max(peak, Long.parseLong(fields[1]));
            progress.step(String.format(Locale.ROOT, "x%d %s run %d: %.2f s, peak RSS %,d MiB", scale, mode, repetition + 1, wall[repetition] / 1000.0, Long.parseLong(fields[1]) / 1024));
            deleteRecursively(directory.resolve("run-" + repetition));
        }
        Arrays.sort(wall);
        return new long[] {wall[wall.length / 2], peak};
    }

    private static void deleteRecursively(Path directory)
            throws IOException
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted((left, right) -> right.compareTo(left)).toList()) {
                Files.delete(file);
            }
        }
    }
}
