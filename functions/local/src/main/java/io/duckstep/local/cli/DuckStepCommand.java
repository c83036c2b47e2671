package io.duckstep.local.cli;

import io.duckstep.core.error.DuckStepException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code duckstep}: the command line. Each command has {@code --help}; bad arguments print the usage
 * and exit 2; a failure prints one clear line and exits 1.
 */
@Command(
        name = "duckstep",
        mixinStandardHelpOptions = true,
        version = "DuckStep 0.1.0",
        description = "Orchestrated DuckDB analytics: run DuckStep's workflows on this machine, from the same state machine files AWS runs.",
        subcommands = {
                DemoCommand.class,
                LoadCommand.class,
                RunCommand.class,
                QueryCommand.class,
                BenchmarkCommand.class,
                AskCommand.class,
                ServeCommand.class,
                ExtensionsCommand.class,
                RunsCommand.class,
                InspectCommand.class,
                WatchCommand.class,
                ClassDataTrainingCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class DuckStepCommand
        implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec specification;

    public static void main(String[] arguments)
    {
        // the AWS SDK (--remote) logs through SLF4J; without a provider SLF4J would warn on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(execute(arguments, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] arguments, PrintWriter out, PrintWriter err)
    {
        return run(arguments, out, err);
    }

    /** Runs the command line reading {@code environment} instead of the process's (for tests). */
    public static int execute(String[] arguments, PrintWriter out, PrintWriter err, Map<String, String> environment)
    {
        CommandDefaults.use(environment);
        try {
            return run(arguments, out, err);
        }
        finally {
            CommandDefaults.reset();
        }
    }

    private static int run(String[] arguments, PrintWriter out, PrintWriter err)
    {
        CommandLine commandLine = new CommandLine(new DuckStepCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            err.println("duckstep " + failedCommand.getCommandName() + ": " + describe(exception));
            err.flush();
            return 1;
        });
        return commandLine.execute(arguments);
    }

    private static String describe(Exception exception)
    {
        if (exception instanceof DuckStepException || exception instanceof IllegalArgumentException || exception instanceof CommandFailedException) {
            return exception.getMessage();
        }
        return exception.getClass().getName() + ": " + exception.getMessage();
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(specification.commandLine(), "Missing command: demo, load, run, query, ask, serve, benchmark, extensions or help");
    }
}
