package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.local.runs.LocalRun;
import io.duckstep.local.runs.RunCatalog;
import io.duckstep.local.runs.RunHistory;
import io.duckstep.local.runs.RunManifest;
import io.duckstep.local.runs.StateRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(
        name = "inspect",
        description = {
                "Print one run: its states in order with status and time, each state's input and output as the runner recorded them,",
                "the first rows of each result, the SQL of each query, and its lineage (upload, warehouse and definition by checksum).",
                "A failed run shows where and why. --state NAME prints one state in full.",
                "Example: duckstep inspect summary-20261201-205203-823d --output out/demo --rows 3"
        })
final class InspectCommand
        extends HelpOptions
        implements Callable<Integer>
{
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int LINE = 100;

    @Spec
    CommandSpec specification;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see `duckstep runs`)")
    String runId;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files; the runs are under <DIR>/runs (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "5", description = "rows of each result to show (default: ${DEFAULT-VALUE}; 0 for none)")
    int rows;

    @Option(names = "--state", paramLabel = "NAME", description = "show only this state, with its input, output and SQL in full")
    String state;

    @Override
    public Integer call()
    {
        if (rows < 0) {
            throw new CommandFailedException("--rows must be 0 or more, was " + rows);
        }
        RunCatalog catalog = new RunCatalog(output.resolve("runs"));
        LocalRun run = catalog.find(runId).orElseThrow(() -> {
            List<String> nearest = catalog.nearest(runId, 5);
            return new CommandFailedException("no run " + runId + " in " + catalog.root()
                    + (nearest.isEmpty() ? " (`duckstep runs` lists the runs)" : "; the nearest: " + String.join(", ", nearest)));
        });
        List<StateRecord> states = run.history().map(StateRecord::of).orElse(List.of());
        PrintWriter out = specification.commandLine().getOut();
        if (state != null) {
            printState(out, run, states);
            return 0;
        }
        printHeader(out, run, states);
        printStates(out, states);
        printResults(out, run, states);
        printSql(out, states);
        return 0;
    }

    private void printHeader(PrintWriter out, LocalRun run, List<StateRecord> states)
    {
        out.println("run         " + run.runId() + " (" + run.workflow() + ")");
        out.println("status      " + run.status()
                + run.history().map(history -> ", started " + history.startedAt().truncatedTo(ChronoUnit.MILLIS)).orElse("")
                + run.duration().map(duration -> ", took " + Progress.format(duration)).orElse(""));
        failure(run, states).ifPresent(reason -> out.println("failed      " + reason));
        run.manifest().flatMap(RunManifest::error).flatMap(RunManifest.Failure::quarantine).ifPresent(location -> out.println("quarantine  " + location));
        if (run.manifest().isPresent()) {
            RunManifest manifest = run.manifest().get();
            for (RunManifest.Input input : manifest.inputs()) {
                out.println(String.format("%-12s%s", input.name(), input.location()
                        + (input.size().isPresent() ? String.format(", %,d bytes", input.size().getAsLong()) : "")
                        + input.sha256().map(hash -> ", sha256 " + hash).orElse(", checksum unknown")));
            }
            out.println("warehouse   " + manifest.warehouse().describe());
            out.println("definition  " + manifest.definition().name() + manifest.definition().sha256().map(hash -> ".asl.json, sha256 " + hash).orElse(", checksum unknown"));
            out.println("report      " + manifest.report().orElse("-"));
        }
        else {
            out.println("upload      " + run.upload().orElse("-"));
            out.println("lineage     not recorded: the run has no manifest (it is running, or it stopped before the end)");
        }
    }

    private static Optional<String> failure(LocalRun run, List<StateRecord> states)
    {
        // where the error happened: the state that caught it, else the last state that failed with it
        Optional<String> where = states.stream().filter(record -> record.status().equals("CAUGHT")).findFirst()
                .or(() -> states.stream().filter(record -> record.status().equals("FAILED")).reduce((first, second) -> second))
                .map(StateRecord::name);
        Optional<RunManifest.Failure> fromManifest = run.manifest().flatMap(RunManifest::error);
        if (fromManifest.isPresent()) {
            return Optional.of(where.map(name -> "in " + name + ": ").orElse("") + fromManifest.get().error() + ": " + fromManifest.get().cause());
        }
        Optional<RunHistory> history = run.history().filter(value -> value.error().isPresent() || value.cause().isPresent());
        if (history.isPresent()) {
            return Optional.of(where.map(name -> "in " + name + ": ").orElse("") + history.get().error().orElse("?") + ": " + history.get().cause().orElse(""));
        }
        return Optional.empty();
    }

    private static void printStates(PrintWriter out, List<StateRecord> states)
    {
        out.println();
        if (states.isEmpty()) {
            out.println("states      none recorded");
            return;
        }
        out.println("states, in the order they were entered:");
        for (StateRecord record : states) {
            out.println(String.format("  %-22s %-9s %8s  at %s%s", record.name(), record.status(), record.elapsed().map(Progress::format).orElse("-"), record.enteredAt().truncatedTo(ChronoUnit.MILLIS),
                    record.retries().isEmpty() ? "" : ", retried after " + String.join(", ", record.retries())));
            out.println("    input   " + shorten(record.input().toString()));
            record.output().ifPresent(value -> out.println("    output  " + shorten(value.toString())));
            record.error().ifPresent(error -> out.println("    error   " + error + ": " + shorten(record.cause().orElse(""))));
        }
    }

    private void printResults(PrintWriter out, LocalRun run, List<StateRecord> states)
    {
        List<ResultFile> results = results(run, states);
        if (results.isEmpty()) {
            return;
        }
        out.println();
        out.println("results:");
        for (ResultFile result : results) {
            out.println("  " + result.name() + ": " + (result.rows() >= 0 ? String.format("%,d rows, ", result.rows()) : "") + result.location());
            if (rows > 0) {
                printRows(out, result.location(), "    ");
            }
        }
    }

    private static void printSql(PrintWriter out, List<StateRecord> states)
    {
        for (StateRecord record : states) {
            Optional<String> sql = record.output().map(value -> value.path("sql")).filter(JsonNode::isTextual).map(JsonNode::asText);
            if (sql.isPresent()) {
                out.println();
                out.println("sql of " + record.name() + " (without its comments; --state " + record.name() + " for all of it):");
                sql.get().strip().lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> out.println("    " + line));
            }
        }
    }

    private void printState(PrintWriter out, LocalRun run, List<StateRecord> states)
    {
        List<StateRecord> matching = states.stream().filter(record -> record.name().equals(state)).toList();
        if (matching.isEmpty()) {
            throw new CommandFailedException("run " + run.runId() + " has no state " + state + "; its states: "
                    + String.join(", ", states.stream().map(StateRecord::name).distinct().toList()));
        }
        for (StateRecord record : matching) {
            out.println("state    " + record.name() + " of run " + run.runId());
            out.println("status   " + record.status() + record.elapsed().map(elapsed -> ", took " + Progress.format(elapsed)).orElse("") + ", entered at " + record.enteredAt().truncatedTo(ChronoUnit.MILLIS));
            if (!record.retries().isEmpty()) {
                out.println("retried  after " + String.join(", ", record.retries()));
            }
            record.error().ifPresent(error -> out.println("error    " + error));
            record.cause().ifPresent(cause -> out.println("cause    " + cause));
            out.println("input:");
            out.println(indent(pretty(record.input())));
            record.output().ifPresent(value -> {
                out.println("output:");
                out.println(indent(pretty(value)));
                JsonNode location = value.path("location");
                if (rows > 0 && location.isTextual() && location.asText().endsWith(".parquet")) {
                    out.println("first rows of " + location.asText() + ":");
                    printRows(out, location.asText(), "    ");
                }
                if (value.path("sql").isTextual()) {
                    out.println("sql:");
                    value.path("sql").asText().strip().lines().forEach(line -> out.println("    " + line));
                }
            });
        }
    }

    private record ResultFile(String name, String location, long rows) {}

    /** The manifest's results; for a run without one, the results its query states reported. */
    private static List<ResultFile> results(LocalRun run, List<StateRecord> states)
    {
        if (run.manifest().isPresent()) {
            return run.manifest().get().results().stream()
                    .map(result -> new ResultFile(result.name(), result.location(), result.rows().orElse(-1)))
                    .toList();
        }
        List<ResultFile> results = new ArrayList<>();
        for (StateRecord record : states) {
            record.output()
                    .filter(value -> value.path("sql").isTextual() && value.path("location").asText().endsWith(".parquet"))
                    .ifPresent(value -> results.add(new ResultFile(value.path("name").asText(record.name()), value.path("location").asText(), value.path("rowCount").asLong(-1))));
        }
        return results;
    }

    private void printRows(PrintWriter out, String location, String indent)
    {
        if (!Files.isRegularFile(Path.of(location))) {
            out.println(indent + "(not on this machine: " + location + ")");
            return;
        }
        try (Connection connection = new DuckDb(CommandDefaults.duckDbSettings()).openInMemory();
                PreparedStatement statement = connection.prepareStatement("SELECT * FROM read_parquet(?) LIMIT ?")) {
            statement.setString(1, location);
            statement.setInt(2, rows);
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData metadata = resultSet.getMetaData();
                String[] header = new String[metadata.getColumnCount()];
                for (int column = 1; column <= header.length; column++) {
                    header[column - 1] = metadata.getColumnName(column);
                }
                TextTable table = new TextTable(header);
                while (resultSet.next()) {
                    String[] cells = new String[header.length];
                    for (int column = 1; column <= header.length; column++) {
                        String value = resultSet.getString(column);
                        cells[column - 1] = value == null ? "NULL" : value.length() > 40 ? value.substring(0, 39) + "…" : value;
                    }
                    table.add(cells);
                }
                table.print(out, indent);
            }
        }
        catch (SQLException e) {
            out.println(indent + "(cannot read " + location + ": " + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static String pretty(JsonNode value)
    {
        try {
            return JSON.writeValueAsString(value);
        }
        catch (Exception e) {
            return value.toString();
        }
    }

    private static String indent(String text)
    {
        return String.join("\n", text.lines().map(line -> "    " + line).toList());
    }

    private static String shorten(String text)
    {
        String line = text.replace('\n', ' ');
        return line.length() <= LINE ? line : line.substring(0, LINE) + "… (--state for all of it)";
    }
}
