package io.duckstep.local.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.contract.EnvironmentVariables;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.load.TransactionsReader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static java.util.Objects.requireNonNull;

/**
 * DuckStep against DuckDB alone, measured side by side. Every measurement is repeated in interleaved rounds
 * (A B A B ...) so that a slow moment of a shared machine hits every side alike; min, median and CPU time are
 * reported. Whole-process runs start a JVM each, as a user starts a command (wall time from start to exit, the
 * process's CPU time and its peak resident memory); in-process runs repeat the work in one warm JVM.
 */
public final class Benchmark
{
    public static final List<String> MODES = List.of("workflow", "duckdb", "staged");
    public static final List<String> SECTIONS = List.of("whole-process", "in-process", "startup", "ask");
    private static final Map<String, String> MODE_NAMES = Map.of(
            "workflow", "DuckStep `run summary`",
            "duckdb", "DuckDB alone",
            "staged", "DuckDB + DuckStep's upload validation");
    private static final String SAMPLE = "sample_2009-12_2010-01.csv.gz";
    private static final String GENERATED = "generated-v1";
    private static final Map<String, String> STARTS = orderedMap(
            "duckstep", "as `./duckstep` starts it: library extracted once, class-data archive",
            "extracted", "library extracted once, no class-data archive",
            "stock", "stock driver: library copied out of its jar on every start, no archive",
            "duckdb", "DuckDB alone, started as `./duckstep` starts: plain JDBC, the same SELECT written to Parquet");
    /** The command line's main class, started as {@code ./duckstep} starts it. */
    private static final String COMMAND_LINE = "io.duckstep.local.cli.DuckStepCommand";

    public record Options(List<Integer> scales, int repetitions, Path output, Optional<String> memoryLimit, List<String> sections, List<String> modes, String command)
    {
        public Options
        {
            scales = List.copyOf(scales);
            sections = List.copyOf(sections);
            modes = List.copyOf(modes);
            requireNonNull(output, "output is null");
            requireNonNull(memoryLimit, "memoryLimit is null");
            if (repetitions < 1) {
                throw new IllegalArgumentException("repetitions must be at least 1");
            }
            for (String mode : modes) {
                if (!MODES.contains(mode)) {
                    throw new IllegalArgumentException("unknown mode " + mode + "; modes: " + MODES);
                }
            }
            for (String section : sections) {
                if (!SECTIONS.contains(section)) {
                    throw new IllegalArgumentException("unknown section " + section + "; sections: " + SECTIONS);
                }
            }
        }
    }

    /** One run: wall and CPU milliseconds, peak resident kilobytes (-1 when not measured). */
    record Sample(long wall, long cpu, long peak) {}

    private final Options options;
    private final DuckDb duckDb;
    private final Consumer<String> progress;
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classPath = System.getProperty("java.class.path");
    private final String libraryPath = System.getProperty("java.library.path", "");
    /**
     * How ./duckstep started this JVM (the extracted library, the class-data archive, the compiler's thresholds, warnings to stderr):
     * every measured run starts so, DuckDB alone too.
     */
    private final List<String> launchOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(option -> option.startsWith("-Djava.library.path=") || option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-Xlog:")
                    || option.startsWith("-XX:Tier4") || option.startsWith("-XX:CompileCommand="))
            .toList();

    public Benchmark(Options options, DuckDb duckDb, Consumer<String> progress)
    {
        this.options = requireNonNull(options, "options is null");
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    public void run(PrintWriter out)
            throws Exception
    {
        Files.createDirectories(options.output());
        Path sample = options.output().resolve(SAMPLE);
        try (InputStream stream = Benchmark.class.getResourceAsStream("/sample/" + SAMPLE)) {
            Files.copy(stream, sample, StandardCopyOption.REPLACE_EXISTING);
        }
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = loadAverage();
        List<String> calibration = new ArrayList<>();
        List<String> wholeProcess = new ArrayList<>();
        List<String> inProcess = new ArrayList<>();
        for (int scale : options.scales()) {
            Path directory = options.output().resolve("x" + scale);
            calibration.add(generate(sample, scale, directory));
            Path warehouse = directory.resolve("warehouse.duckdb");
            Path upload = directory.resolve("uploads").resolve("recent.csv");
            if (options.sections().contains("whole-process")) {
                wholeProcess.addAll(rows(scale, wholeProcess(scale, warehouse, upload, directory.resolve("runs")), true));
            }
            if (options.sections().contains("in-process")) {
                inProcess.addAll(rows(scale, inProcess(scale, warehouse, upload, directory.resolve("in-process")), false));
            }
        }
        List<String> startup = options.sections().contains("startup") ? startup() : List.of();
        List<String> ask = List.of();
        if (options.sections().contains("ask")) {
            Path directory = options.output().resolve("x1");
            generate(sample, 1, directory);
            ask = askAgainstQuery(directory.resolve("warehouse.duckdb"), directory.resolve("uploads").resolve("recent.csv"), directory.resolve("ask"));
        }

        out.println("- Command: `" + options.command() + "`" + options.memoryLimit().map(limit -> " (`DUCKSTEP_MEMORY_LIMIT=" + limit + "` for every run, both sides)").orElse(""));
        out.println("- Date: " + started + "; load average " + loadBefore + " before, " + loadAverage() + " after (1, 5, 15 minutes)");
        out.println("- Machine: " + machine());
        out.println("- Engine: " + engine());
        out.println("- Repetitions: " + options.repetitions() + ", interleaved");
        out.println();
        out.println("| scale | history rows | upload rows | products | customers | countries | cancellation lines | mean price |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        calibration.forEach(out::println);
        if (!wholeProcess.isEmpty()) {
            out.println();
            out.println("Whole process (a JVM per run, start to exit):");
            out.println();
            out.println("| scale | run | min | median | CPU (median) | peak RSS (max) | median / DuckDB alone | min / DuckDB alone |");
            out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            wholeProcess.forEach(out::println);
        }
        if (!inProcess.isEmpty()) {
            out.println();
            out.println("In process (one warm JVM, after one unmeasured round):");
            out.println();
            out.println("| scale | run | min | median | CPU (median) | median / DuckDB alone | min / DuckDB alone |");
            out.println("| --- | --- | --- | --- | --- | --- | --- |");
            inProcess.forEach(out::println);
        }
        if (!startup.isEmpty()) {
            out.println();
            out.println("JVM start to first query result (`query \"SELECT 42 AS answer\"`, start to exit):");
            out.println();
            out.println("| start | min | median | CPU (median) |");
            out.println("| --- | --- | --- | --- |");
            startup.forEach(out::println);
        }
        if (!ask.isEmpty()) {
            out.println();
            out.println("`ask` against an instant model and `query` with the SQL the model answers, x1 (start to exit):");
            out.println();
            out.println("| command | min | median | CPU (median) | median / `query` | min / `query` |");
            out.println("| --- | --- | --- | --- | --- | --- |");
            ask.forEach(out::println);
        }
        out.flush();
    }

    private Map<String, List<Sample>> wholeProcess(int scale, Path warehouse, Path upload, Path runs)
            throws Exception
    {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int round = 0; round < options.repetitions(); round++) {
            for (String mode : options.modes()) {
                Path directory = runs.resolve(mode + "-" + round);
                Files.createDirectories(directory);
                List<String> arguments = switch (mode) {
                    case "workflow" -> List.of(COMMAND_LINE, "run", "summary", "--recent", upload.toString(),
                            "--warehouse", warehouse.toString(), "--output", directory.toString());
                    case "duckdb" -> List.of(DuckDbAlone.class.getName(), upload.toString(), warehouse.toString(), directory.toString());
                    default -> List.of(BenchmarkRun.class.getName(), "staged", warehouse.toString(), upload.toString(), directory.toString());
                };
                Sample sample = measured(arguments, directory, launchOptions, "");
                samples.computeIfAbsent(mode, key -> new ArrayList<>()).add(sample);
                progress.accept(String.format(Locale.ROOT, "x%d whole process %s run %d: %.2f s, CPU %.2f s, peak RSS %,d MiB",
                        scale, mode, round + 1, sample.wall() / 1000.0, sample.cpu() / 1000.0, sample.peak() / 1024));
                BenchmarkFiles.deleteRecursively(directory);
            }
        }
        return samples;
    }

    private Map<String, List<Sample>> inProcess(int scale, Path warehouse, Path upload, Path directory)
            throws Exception
    {
        List<String> command = new ArrayList<>(List.of(java, "-Djava.library.path=" + libraryPath, "-cp", classPath, BenchmarkRun.class.getName(),
                "in-process", Integer.toString(options.repetitions()), warehouse.toString(), upload.toString(), directory.toString()));
        command.addAll(options.modes());
        Files.createDirectories(directory);
        progress.accept("x" + scale + " in process: " + options.repetitions() + " interleaved rounds in one JVM ...");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(directory.resolve("stderr.txt").toFile());
        environment(builder);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("in-process benchmark x" + scale + " failed: " + Files.readString(directory.resolve("stderr.txt")));
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] fields = line.split(" ");
            samples.computeIfAbsent(fields[0], key -> new ArrayList<>()).add(new Sample(Long.parseLong(fields[1]), Long.parseLong(fields[2]), -1));
        }
        return samples;
    }

    /** The command line's start: the native library already extracted (as ./duckstep runs it) against the stock driver, which copies it out of its jar. */
    private List<String> startup()
            throws Exception
    {
        Path directory = options.output().resolve("startup");
        Files.createDirectories(directory);
        Path stockJar = stockDriverJar(directory);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int round = 0; round < options.repetitions(); round++) {
            for (String kind : STARTS.keySet()) {
                Path run = directory.resolve(kind + "-" + round);
                Files.createDirectories(run);
                List<String> arguments = List.of(COMMAND_LINE, "query", "SELECT 42 AS answer", "--output", run.resolve("answer.parquet").toString());
                Sample sample = switch (kind) {
                    case "duckstep" -> measured(arguments, run, launchOptions, "");
                    case "extracted" -> measured(arguments, run, List.of("-Djava.library.path=" + libraryPath), "");
                    case "duckdb" -> measured(List.of(DuckDbAlone.class.getName(), DuckDbAlone.QUERY, "SELECT 42 AS answer", run.resolve("answer.parquet").toString()),
                            run, launchOptions, "");
                    default -> measured(arguments, run, List.of(), stockJar + File.pathSeparator);
                };
                samples.computeIfAbsent(kind, key -> new ArrayList<>()).add(sample);
                progress.accept(String.format(Locale.ROOT, "start-up %s run %d: %.3f s", kind, round + 1, sample.wall() / 1000.0));
                BenchmarkFiles.deleteRecursively(run);
            }
        }
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, String> start : STARTS.entrySet()) {
            List<Sample> runs = samples.get(start.getKey());
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", start.getValue(), seconds(min(runs, Sample::wall)), seconds(median(runs, Sample::wall)), seconds(median(runs, Sample::cpu))));
        }
        return rows;
    }

    private List<String> askAgainstQuery(Path warehouse, Path upload, Path directory)
            throws Exception
    {
        Files.createDirectories(directory);
        JsonNode toolCall = new ObjectMapper().readTree(InstantModelServer.resource(InstantModelServer.TOOL_CALL));
        String sql = new ObjectMapper().readTree(toolCall.path("choices").path(0).path("message").path("tool_calls").path(0).path("function").path("arguments").asText())
                .path("sql").asText();
        String question = "How many customers are there in the historical data compared to the recent data?";
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (InstantModelServer model = new InstantModelServer()) {
            for (int round = 0; round < options.repetitions(); round++) {
                for (String command : List.of("ask", "query")) {
                    Path run = directory.resolve(command + "-" + round);
                    Files.createDirectories(run);
                    List<String> arguments = command.equals("ask")
                            ? List.of(COMMAND_LINE, "ask", question, "--recent", upload.toString(), "--warehouse", warehouse.toString(),
                                    "--output", run.toString(), "--base-url", model.baseUrl(), "--api-key", "sk-benchmark")
                            : List.of(COMMAND_LINE, "query", sql, "--input", "mydf=" + upload, "--warehouse", warehouse.toString(),
                                    "--output", run.resolve("result.parquet").toString());
                    Sample sample = measured(arguments, run, launchOptions, "");
                    samples.computeIfAbsent(command, key -> new ArrayList<>()).add(sample);
                    progress.accept(String.format(Locale.ROOT, "%s run %d: %.3f s", command, round + 1, sample.wall() / 1000.0));
                    BenchmarkFiles.deleteRecursively(run);
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (String command : List.of("ask", "query")) {
            List<Sample> runs = samples.get(command);
            rows.add(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %.2f | %.2f |", command, seconds(min(runs, Sample::wall)), seconds(median(runs, Sample::wall)),
                    seconds(median(runs, Sample::cpu)), ratio(median(runs, Sample::wall), median(samples.get("query"), Sample::wall)),
                    ratio(min(runs, Sample::wall), min(samples.get("query"), Sample::wall))));
        }
        return rows;
    }

    /** Runs a main class in a JVM of its own under {@link MeasuredMain}; fails with the run's error output if it fails. */
    private Sample measured(List<String> mainAndArguments, Path directory, List<String> jvmOptions, String classPathPrefix)
            throws Exception
    {
        Path report = directory.resolve("measured.txt");
        Path errors = directory.resolve("stderr.txt");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPathPrefix + classPath, MeasuredMain.class.getName(), report.toString()));
        command.addAll(mainAndArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(errors.toFile());
        environment(builder);
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.MINUTES);
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (!finished || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("benchmark run failed: " + String.join(" ", mainAndArguments) + "\n" + Files.readString(errors));
        }
        String[] fields = Files.readString(report).strip().split(" ");
        return new Sample(wall, Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    }

    private void environment(ProcessBuilder builder)
    {
        options.memoryLimit().ifPresent(limit -> builder.environment().put(EnvironmentVariables.DUCKSTEP_MEMORY_LIMIT, limit));
    }

    /** A jar holding only this platform's library where the stock driver looks for it (deflated, as in the driver's jar). */
    private static Path stockDriverJar(Path directory)
            throws IOException
    {
        Path jar = directory.resolve("stock-driver-library.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        String name = "libduckdb_java.so_" + platform();
        Path temporary = directory.resolve("stock-driver-library.jar.tmp");
        try (InputStream library = Benchmark.class.getResourceAsStream("/duckdb-native/" + name);
                OutputStream file = Files.newOutputStream(temporary);
                JarOutputStream output = new JarOutputStream(file)) {
            if (library == null) {
                throw new IllegalStateException("this jar carries no DuckDB library for " + platform() + " under duckdb-native/ (run the benchmark through ./duckstep)");
            }
            JarEntry entry = new JarEntry(name);
            entry.setMethod(ZipEntry.DEFLATED);
            output.putNextEntry(entry);
            library.transferTo(output);
            output.closeEntry();
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
        return jar;
    }

    private static String platform()
    {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return "osx_universal";
        }
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        arch = arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch;
        return (os.startsWith("windows") ? "windows" : "linux") + "_" + arch;
    }

    private static List<String> rows(int scale, Map<String, List<Sample>> samples, boolean withMemory)
    {
        List<String> rows = new ArrayList<>();
        List<Sample> baseline = samples.get("duckdb");
        for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
            List<Sample> runs = entry.getValue();
            String ratios = baseline == null ? "| - | - |" : String.format(Locale.ROOT, "| %.2f | %.2f |",
                    ratio(median(runs, Sample::wall), median(baseline, Sample::wall)), ratio(min(runs, Sample::wall), min(baseline, Sample::wall)));
            rows.add(String.format(Locale.ROOT, "| x%d | %s | %s | %s | %s %s%s", scale, MODE_NAMES.get(entry.getKey()), seconds(min(runs, Sample::wall)),
                    seconds(median(runs, Sample::wall)), seconds(median(runs, Sample::cpu)),
                    withMemory ? String.format(Locale.ROOT, "| %,d MiB ", runs.stream().mapToLong(Sample::peak).max().orElse(-1) / 1024) : "", ratios));
        }
        return rows;
    }

    private static Map<String, String> orderedMap(String... keysAndValues)
    {
        Map<String, String> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return map;
    }

    private static long min(List<Sample> samples, java.util.function.ToLongFunction<Sample> field)
    {
        return samples.stream().mapToLong(field).min().orElse(-1);
    }

    /** The median; for an even count, the mean of the two middle values. */
    static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> field)
    {
        long[] values = samples.stream().mapToLong(field).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double ratio(long value, long baseline)
    {
        return (double) value / baseline;
    }

    private static String seconds(long milliseconds)
    {
        return String.format(Locale.ROOT, milliseconds < 1000 ? "%.3f s" : "%.2f s", milliseconds / 1000.0);
    }

    /** Builds the scaled warehouse and December 2009 upload once (kept for later runs); returns a calibration table row. */
    private String generate(Path sample, int scale, Path directory)
            throws Exception
    {
        Path marker = directory.resolve(GENERATED);
        if (Files.isRegularFile(marker)) {
            return Files.readString(marker).strip();
        }
        progress.accept("x" + scale + ": generating data ...");
        Files.createDirectories(directory);
        Path warehouse = directory.resolve("warehouse.duckdb");
        Path upload = directory.resolve("uploads").resolve("recent.csv");
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
                String calibration = String.format(Locale.ROOT, "| x%d | %,d | %,d | %,d | %,d | %,d | %,d (%.2f%%) | %.3f |", scale, row.getLong(1), row.getLong(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), 100.0 * row.getLong(6) / row.getLong(1), row.getDouble(7));
                Files.writeString(marker, calibration);
                return calibration;
            }
        }
    }

    private String engine()
    {
        try (Connection connection = duckDb.openInMemory();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version(), (SELECT source_id FROM pragma_version())")) {
            row.next();
            Properties engine = new Properties();
            try (InputStream input = Benchmark.class.getResourceAsStream("/duckdb-native/engine.properties")) {
                if (input != null) {
                    engine.load(input);
                }
            }
            return "DuckDB " + row.getString(1) + " (" + row.getString(2) + "), duckdb_jdbc " + engine.getProperty("version", "(version not recorded)")
                    + "; DuckStep's settings: memory_limit " + duckDb.settings().memoryLimit() + ", threads " + duckDb.settings().threads();
        }
        catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String machine()
    {
        String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal").map(line -> String.format(Locale.ROOT, "%.1f GiB",
                Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("unknown");
        return String.format(Locale.ROOT, "%d processors (%s), %s memory, %s %s, %s %s", Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    private static String loadAverage()
    {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static Optional<String> firstLine(Path file, String prefix)
    {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
