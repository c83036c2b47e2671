package io.duckstep.local.cli;

import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.StateMachines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(
        name = "summary",
        description = {
                "Run the summary workflow on an upload: validate it, run the three summary queries in parallel",
                "against the warehouse, build the HTML report, and print the report's path.",
                "A rejected upload is kept with its reason under <output>/runs/<run>/quarantine/ and the command exits 1."
        })
final class SummaryCommand
        extends HelpOptions
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Option(names = "--recent", paramLabel = "FILE", description = "the uploaded transactions (CSV, CSV.gz, XLSX or Parquet); queries see it as mydf (required, except with --remote: then the latest upload)")
    Path recent;

    @Option(names = "--warehouse", paramLabel = "FILE|md:DATABASE", defaultValue = "out/warehouse.duckdb", converter = WarehouseOption.class,
            description = "the warehouse: a DuckDB file (default: ${DEFAULT-VALUE}; build it with `duckstep load`) or md:DATABASE in MotherDuck")
    WarehouseSpecification warehouse;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--definition", paramLabel = "FILE", description = "run this state machine file instead of the bundled state-machines/summary.asl.json (for trying a change)")
    Path definition;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call()
            throws InterruptedException
    {
        if (remote.remote) {
            return RemoteCommands.summary(specification, remote, recent, output);
        }
        if (recent == null) {
            throw new ParameterException(specification.commandLine(), "Missing required option: '--recent=FILE'");
        }
        Progress progress = new Progress(specification.commandLine().getErr());
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), output.resolve("uploads"),
                CommandDefaults.ready(warehouse, Set.of(WarehouseAttacher.Queries.TRUSTED)), CommandDefaults.duckDbSettings()), CommandDefaults.secrets());
        String report = SummaryRun.run(tasks, recent, progress, definition == null ? StateMachines.definition(StateMachines.SUMMARY) : readDefinition(definition));
        specification.commandLine().getOut().println(report);
        return 0;
    }

    private static String readDefinition(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new CommandFailedException("cannot read state machine definition " + file + ": " + e.getMessage());
        }
    }
}
