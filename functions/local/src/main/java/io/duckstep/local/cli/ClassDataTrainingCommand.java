package io.duckstep.local.cli;

import io.duckstep.local.benchmark.InstantModelServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code duckstep class-data-training DIR} (hidden): what {@code ./duckstep} runs once per build, under
 * {@code -XX:ArchiveClassesAtExit}, so that the class-data archive holds the classes of the common commands
 * (demo, run summary, query, ask against an instant model on loopback, runs, inspect) whichever command a
 * user runs first. Everything is written under DIR; a command that fails is named on stderr with its error output.
 */
@Command(name = "class-data-training", hidden = true, description = "Run the common commands once, for ./duckstep's class-data archive.")
final class ClassDataTrainingCommand
        implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "where the runs write")
    Path directory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec specification;

    @Override
    public Integer call()
    {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
        String demo = directory.resolve("demo").toString();
        String warehouse = directory.resolve("demo").resolve("warehouse.duckdb").toString();
        String upload = directory.resolve("demo").resolve("uploads").toString();
        int failures = 0;
        try (InstantModelServer model = new InstantModelServer()) {
            for (List<String> arguments : List.of(
                    List.of("demo", "--output", demo),
                    List.of("query", "SELECT 42 AS answer", "--output", directory.resolve("query.parquet").toString()),
                    List.of("ask", "How many customers are there?", "--uploads", upload, "--warehouse", warehouse, "--output", directory.resolve("ask").toString(),
                            "--base-url", model.baseUrl(), "--api-key", "sk-training"),
                    List.of("runs", "--output", demo),
                    List.of("--help"))) {
                StringWriter errors = new StringWriter();
                if (DuckStepCommand.execute(arguments.toArray(String[]::new), quiet, new PrintWriter(errors, true)) != 0) {
                    specification.commandLine().getErr().println("duckstep class-data-training: " + arguments.get(0) + " failed: " + errors.toString().strip());
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
