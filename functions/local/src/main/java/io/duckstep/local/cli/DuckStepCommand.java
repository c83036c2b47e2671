package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDbNativeLibrary;
import io.duckstep.core.error.DuckStepException;
import io.duckstep.core.run.Sha256;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * {@code duckstep}: the command line. Each command has {@code --help}; bad arguments print the usage
 * and exit 2; a failure prints one clear line and exits 1.
 */
@Command(
        name = "duckstep",
        version = "DuckStep 0.1.0",
        description = "Orchestrated DuckDB analytics: run DuckStep's workflows on this machine, from the same state machine files AWS runs.",
        subcommands = {})
public final class DuckStepCommand
        extends HelpOptions
        implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec specification;

    public static void main(String[] arguments)
    {
        // the AWS SDK (--remote) logs through SLF4J; without a provider SLF4J would warn on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        // DuckDB's driver, Jackson and the security providers initialise on other threads while picocli reads the command
        // (help, the version or an unknown command use none of them)
        if (namesACommand(arguments)) {
            DuckDbNativeLibrary.preload();
            preloadCommonClasses();
        }
        System.exit(execute(arguments, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Initialises, on a daemon thread, what nearly every command meets on its way and would otherwise initialise
     * on the main thread: Jackson (its first mapper builds a date format, which reads the JVM's locale data) and
     * the JDK's security providers (temporary files' names, checksums). A command that gets there first waits for the
     * initialisation in progress instead of repeating it.
     */
    private static void preloadCommonClasses()
    {
        Thread thread = new Thread(() -> {
            new ObjectMapper();
            new SecureRandom().nextLong();
            Sha256.of(new byte[0]);
        }, "duckstep-preload");
        thread.setDaemon(true);
        thread.start();
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

    /**
     * The commands, in the order help lists them. Picocli reads a command's annotations when it is added, which
     * costs a noticeable part of a start: a run names its command first, and only that one is added.
     */
    private static final List<NamedCommand> COMMANDS = List.of(
            new NamedCommand("demo", DemoCommand.class),
            new NamedCommand("load", LoadCommand.class),
            new NamedCommand("run", RunCommand.class),
            new NamedCommand("query", QueryCommand.class),
            new NamedCommand("benchmark", BenchmarkCommand.class),
            new NamedCommand("ask", AskCommand.class),
            new NamedCommand("serve", ServeCommand.class),
            new NamedCommand("extensions", ExtensionsCommand.class),
            new NamedCommand("runs", RunsCommand.class),
            new NamedCommand("inspect", InspectCommand.class),
            new NamedCommand("watch", WatchCommand.class),
            new NamedCommand("class-data-training", ClassDataTrainingCommand.class),
            new NamedCommand("help", CommandLine.HelpCommand.class));

    /** A command by its class: picocli makes the instance (a method reference per command would be linked at every start). */
    private record NamedCommand(String name, Class<?> command) {}

    /** Whether the first argument is one of the commands (not {@code help}, an option such as {@code --version}, or a typo). */
    static boolean namesACommand(String[] arguments)
    {
        return arguments.length > 0 && !arguments[0].equals("help") && COMMANDS.stream().anyMatch(command -> command.name().equals(arguments[0]));
    }

    private static int run(String[] arguments, PrintWriter out, PrintWriter err)
    {
        CommandLine commandLine = new CommandLine(new DuckStepCommand());
        // help, no command or an unknown one: every command, for the usage and the suggestions
        boolean named = namesACommand(arguments);
        for (NamedCommand command : COMMANDS) {
            if (!named || command.name().equals(arguments[0])) {
                commandLine.addSubcommand(command.name(), command.command());
            }
        }
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
