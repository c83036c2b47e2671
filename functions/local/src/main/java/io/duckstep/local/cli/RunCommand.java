package io.duckstep.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        description = "Run one of DuckStep's workflows (state-machines/<name>.asl.json) through the local runner.",
        subcommands = SummaryCommand.class)
final class RunCommand
        extends HelpOptions
        implements Runnable
{
    @Spec
    CommandSpec specification;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(specification.commandLine(), "Missing workflow: summary");
    }
}
