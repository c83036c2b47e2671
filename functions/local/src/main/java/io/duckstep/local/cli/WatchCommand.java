package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.task.TaskError;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.LocalWorkflows;
import io.duckstep.local.StateMachines;
import io.duckstep.local.runs.DropFolderWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

@Command(
        name = "watch",
        description = {
                "Watch a folder, the local counterpart of the S3 trigger: each new .csv, .csv.gz, .parquet or .xlsx file, or a file with new",
                "content, starts one summary run once its size has been stable for --settle seconds. The run id is made from the file's name",
                "and content hash (the rule of the execution names on AWS), so a restart or a touched file starts nothing new.",
                "One line per run end gives the status and the report or the reason. Ctrl-C stops after the running runs end.",
                "Example: duckstep watch drop/ --warehouse out/demo/warehouse.duckdb --output out/watch"
        })
final class WatchCommand
        extends HelpOptions
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder to watch")
    Path directory;

    @Option(names = "--warehouse", paramLabel = "FILE", defaultValue = "out/warehouse.duckdb", description = "the warehouse DuckDB file (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "at most this many runs at once (default: ${DEFAULT-VALUE}, one after the other)")
    int parallel;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "2", description = "how long a file's size must stay the same before it runs (default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--poll", paramLabel = "MILLISECONDS", defaultValue = "500", description = "how often the folder is looked at (default: ${DEFAULT-VALUE})")
    int pollMilliseconds;

    @Override
    public Integer call()
            throws InterruptedException
    {
        PrintWriter err = specification.commandLine().getErr();
        if (!Files.isDirectory(directory)) {
            err.println("duckstep watch: " + directory + ": " + (Files.exists(directory) ? "not a directory" : "no such directory"));
            err.flush();
            return 2;
        }
        if (parallel < 1 || settleSeconds < 0 || pollMilliseconds < 1) {
            err.println("duckstep watch: --parallel and --poll must be at least 1 and --settle at least 0");
            err.flush();
            return 2;
        }
        PrintWriter out = specification.commandLine().getOut();
        Progress progress = new Progress(err);
        progress.step("watching " + directory + " (runs under " + output.resolve("runs") + "; Ctrl-C to stop)");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "duckstep-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (DropFolderWatcher watcher = watcher(Clock.systemUTC(), line -> {
            out.println(line);
            out.flush();
        })) {
            while (true) {
                watcher.poll();
                if (stop.await(pollMilliseconds, TimeUnit.MILLISECONDS)) {
                    progress.step("stopping: waiting for the running runs to end");
                    break;
                }
            }
        }
        finally {
            stopped.countDown();
        }
        return 0;
    }

    DropFolderWatcher watcher(Clock clock, Consumer<String> lines)
    {
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), directory, new WarehouseSpecification.DuckDbFile(warehouse.toString()),
                CommandDefaults.duckDbSettings()));
        return new DropFolderWatcher(directory, output.resolve("runs"), clock, Duration.ofSeconds(settleSeconds), parallel, (file, runId) -> summary(tasks, file, runId), lines);
    }

    private static DropFolderWatcher.RunEnd summary(LocalTasks tasks, Path file, String runId)
    {
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, runId, JsonNodeFactory.instance.objectNode().put("upload", file.toString()));
        if (result.succeeded()) {
            return new DropFolderWatcher.RunEnd(runId, result.status().name(), Optional.of(result.output().orElseThrow().path("report").asText()), Optional.empty());
        }
        return new DropFolderWatcher.RunEnd(runId, result.status().name(), Optional.empty(),
                Optional.of(new TaskError(result.error().orElse("States.Runtime"), result.cause().orElse("")).message()));
    }
}
