package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.duckstep.local.runs.LocalRun;
import io.duckstep.local.runs.RunCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        name = "runs",
        description = {
                "List the runs, newest first: id, workflow, status, upload, rows, duration and report.",
                "Locally the runs are the directories under <output>/runs; with --remote, the executions of the deployed stack's two state machines.",
                "Example: duckstep runs --output out/demo --limit 5"
        })
final class RunsCommand
        extends HelpOptions
        implements Callable<Integer>
{
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec specification;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files; the runs are under <DIR>/runs (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most this many runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--status", paramLabel = "STATUS", description = "only runs with this status: SUCCEEDED, FAILED, RUNNING, INCOMPLETE, TIMED_OUT or ABORTED")
    String status;

    @Option(names = "--json", description = "print a JSON array, for scripts")
    boolean json;

    @Mixin
    RemoteOptions remote;


    @Override
    public Integer call()
            throws Exception
    {
        if (limit < 1) {
            throw new CommandFailedException("--limit must be at least 1, was " + limit);
        }
        List<RunListing> runs = remote.remote
                ? RemoteCommands.runs(specification, remote, status == null ? limit : Math.max(limit, 100))
                : new RunCatalog(output.resolve("runs")).list().stream().map(RunsCommand::listing).toList();
        List<RunListing> shown = runs.stream()
                .filter(run -> status == null || run.status().equalsIgnoreCase(status.strip()))
                .limit(limit)
                .toList();
        PrintWriter out = specification.commandLine().getOut();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            shown.forEach(run -> array.add(run.toJson()));
            out.println(JSON.writeValueAsString(array));
            return 0;
        }
        if (shown.isEmpty()) {
            out.println("no runs in " + (remote.remote ? "stack " + remote.stack : output.resolve("runs")) + (status == null ? "" : " with status " + status.toUpperCase(Locale.ROOT)));
            return 0;
        }
        TextTable table = new TextTable("RUN", "WORKFLOW", "STATUS", "UPLOAD", "ROWS", "DURATION", "REPORT");
        for (RunListing run : shown) {
            table.add(run.runId(), run.workflow(), run.status(), run.upload().orElse("-"),
                    run.rows().isPresent() ? String.format("%,d", run.rows().getAsLong()) : "-",
                    run.duration().map(Progress::format).orElse("-"), run.report().orElse("-"));
        }
        table.print(out, "");
        return 0;
    }

    static RunListing listing(LocalRun run)
    {
        return new RunListing(run.runId(), run.workflow(), run.status(), run.upload(), run.rows(), run.duration(), run.report(), run.time());
    }
}
