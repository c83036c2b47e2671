package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.local.benchmark.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(
        name = "benchmark",
        description = {
                "Measure DuckStep against DuckDB alone (plain JDBC: read_csv with explicit types, the three packaged queries, Parquet out,",
                "on the same engine), on the bundled sample scaled up synthetically (see SyntheticTransactions). Runs are interleaved",
                "(A B A B ...); min, median and CPU time are printed as Markdown, whole-process (a JVM per run, with peak memory) and",
                "in-process (one warm JVM); also the command line's start-up and `ask` against `query` with an instant model on loopback."
        })
final class BenchmarkCommand
        extends HelpOptions
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Option(names = "--scales", split = ",", defaultValue = "1,10,100", description = "scale factors (default: ${DEFAULT-VALUE})")
    List<Integer> scales;

    @Option(names = "--repetitions", defaultValue = "5", description = "interleaved rounds of each measurement (default: ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--sections", split = ",", defaultValue = "whole-process,in-process,startup,ask",
            description = "what to measure: whole-process, in-process, startup, ask (default: ${DEFAULT-VALUE})")
    List<String> sections;

    @Option(names = "--modes", split = ",", defaultValue = "workflow,duckdb,staged",
            description = "what runs at each scale: workflow (run summary), duckdb (DuckDB alone), staged (DuckDB with DuckStep's upload validation) (default: ${DEFAULT-VALUE})")
    List<String> modes;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "DUCKSTEP_MEMORY_LIMIT for every measured run, both sides (for example 500MB)")
    String memoryLimit;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out/benchmark", description = "working directory; generated data is kept there for later runs (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call()
            throws Exception
    {
        Progress progress = new Progress(specification.commandLine().getErr());
        // the arguments as given, from "benchmark" on
        String command = "./duckstep " + String.join(" ", specification.commandLine().getParent().getParseResult().originalArgs());
        Benchmark.Options options = new Benchmark.Options(scales, repetitions, output, Optional.ofNullable(memoryLimit), sections, modes, command.strip());
        new Benchmark(options, new DuckDb(CommandDefaults.duckDbSettings()), progress::step).run(specification.commandLine().getOut());
        return 0;
    }
}
