package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.local.LocalWorkflows;
import io.duckstep.local.remote.RemotePrompt;
import io.duckstep.local.remote.RemoteRuns;
import io.duckstep.local.remote.RemoteSummary;
import io.duckstep.local.runs.RunManifest;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@code --remote} side of {@code run summary}, {@code ask} and {@code runs}.
 */
final class RemoteCommands
{
    private RemoteCommands() {}

    static int summary(CommandSpec specification, RemoteOptions remote, Path recent, Path output)
            throws InterruptedException
    {
        Progress progress = new Progress(specification.commandLine().getErr());
        Path report = remote.call(specification.commandLine().getErr(), connection -> {
            RemoteSummary summary = new RemoteSummary(connection, progress::step, remote.pause(), remote.interval());
            return recent != null ? summary.runOnUpload(recent, output) : summary.runOnLatest(LocalWorkflows.newExecutionName("summary"), output);
        });
        specification.commandLine().getOut().println(report);
        return 0;
    }

    static int ask(CommandSpec specification, RemoteOptions remote, String question, Path recent, boolean summary)
            throws Exception
    {
        if (recent != null) {
            throw new CommandFailedException("--recent is for local questions; with --remote the question is about the latest upload (put one with `duckstep run summary --remote --recent FILE`)");
        }
        Progress progress = new Progress(specification.commandLine().getErr());
        var answer = remote.call(specification.commandLine().getErr(), connection -> {
            progress.step("asking the prompt API of stack " + connection.stack().name() + " ...");
            return new RemotePrompt(connection, progress::step, remote.pause(), remote.interval()).ask(question, summary);
        });
        specification.commandLine().getOut().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(answer));
        return 0;
    }

    static List<RunListing> runs(CommandSpec specification, RemoteOptions remote, int limit)
            throws InterruptedException
    {
        return remote.call(specification.commandLine().getErr(), connection -> new RemoteRuns(connection).list(limit).stream()
                .map(run -> new RunListing(run.name(), run.workflow(), run.manifest().map(RunManifest::status).orElse(run.status()),
                        run.manifest().flatMap(manifest -> manifest.inputs().stream().findFirst()).map(RunManifest.Input::location),
                        run.manifest().flatMap(manifest -> manifest.inputs().stream().findFirst()).map(RunManifest.Input::rows).orElse(OptionalLong.empty()),
                        run.duration(), run.manifest().flatMap(RunManifest::report), java.util.Optional.of(run.startedAt())))
                .toList());
    }
}
