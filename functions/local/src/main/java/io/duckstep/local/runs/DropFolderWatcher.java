package io.duckstep.local.runs;

import io.duckstep.lambda.support.UploadRunNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The local counterpart of the S3 trigger: each new file in a folder, or a file with new content, starts
 * exactly one run once its size and modification time have not changed for a while. The run id is
 * {@link UploadRunNames#forFile} of the file's name and content, so the same content never starts a
 * second run, also after a restart (a run whose directory exists has started). Other file types are
 * ignored with one line saying so.
 * <p>
 * Time comes from the given clock and {@link #poll()} is called by the owner, so both can be driven by
 * a test. Runs run in the polling thread ({@code parallel} 1) or on at most {@code parallel} threads.
 * {@link #close()} starts nothing more and waits for the runs already running; runs still queued are
 * not started (their next poll after a restart finds them again).
 */
public final class DropFolderWatcher
        implements AutoCloseable
{
    /** Runs one upload to its end; a failed run is a result, not an exception. */
    public interface RunStarter
    {
        RunEnd run(Path file, String runId);
    }

    /** @param reason why the run failed, for a failed run */
    public record RunEnd(String runId, String status, Optional<String> report, Optional<String> reason)
    {
        public RunEnd
        {
            requireNonNull(runId, "runId is null");
            requireNonNull(status, "status is null");
            requireNonNull(report, "report is null");
            requireNonNull(reason, "reason is null");
        }
    }

    private record Observation(long size, FileTime modified, Instant since, boolean handled) {}

    private final Path directory;
    private final Path runsRoot;
    private final Clock clock;
    private final Duration stableFor;
    private final RunStarter starter;
    private final Consumer<String> lines;
    private final Optional<ExecutorService> executor;
    private final Map<Path, Observation> observations = new HashMap<>();
    private final Set<Path> ignored = new HashSet<>();
    private final Set<String> started = new HashSet<>();
    private volatile boolean stopping;

    public DropFolderWatcher(Path directory, Path runsRoot, Clock clock, Duration stableFor, int parallel, RunStarter starter, Consumer<String> lines)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.runsRoot = requireNonNull(runsRoot, "runsRoot is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.stableFor = requireNonNull(stableFor, "stableFor is null");
        this.starter = requireNonNull(starter, "starter is null");
        this.lines = requireNonNull(lines, "lines is null");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
        }
        this.executor = parallel == 1 ? Optional.empty() : Optional.of(Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "duckstep-watch");
            thread.setDaemon(false);
            return thread;
        }));
    }

    /** Looks at the folder once and starts a run for each file that became stable with content not run before. */
    public synchronized void poll()
    {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        List<Path> files;
        try (Stream<Path> children = Files.list(directory)) {
            files = children.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        observations.keySet().retainAll(files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!UploadRunNames.accepted(name)) {
                if (ignored.add(file)) {
                    lines.accept("ignored " + name + ": not a .csv, .csv.gz, .parquet or .xlsx file");
                }
                continue;
            }
            long size;
            FileTime modified;
            try {
                size = Files.size(file);
                modified = Files.getLastModifiedTime(file);
            }
            catch (NoSuchFileException e) {
                continue;
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            Observation seen = observations.get(file);
            if (seen == null || seen.size() != size || !seen.modified().equals(modified)) {
                observations.put(file, new Observation(size, modified, now, false));
                continue;
            }
            if (seen.handled() || Duration.between(seen.since(), now).compareTo(stableFor) < 0) {
                continue;
            }
            observations.put(file, new Observation(size, modified, seen.since(), true));
            String runId = UploadRunNames.forFile(name, sha256(file));
            if (started.contains(runId) || Files.exists(runsRoot.resolve(runId))) {
                if (started.add(runId)) {
                    lines.accept("skipped " + name + ": this content already ran as " + runId);
                }
                continue;
            }
            started.add(runId);
            lines.accept("started " + runId + " for " + name);
            if (executor.isEmpty()) {
                run(file, runId);
            }
            else {
                executor.get().execute(() -> {
                    if (stopping) {
                        forget(runId);
                        return;
                    }
                    run(file, runId);
                });
            }
        }
    }

    /** Starts nothing more: no new file, and no queued run; returns at once. */
    public void stop()
    {
        stopping = true;
    }

    /** Starts nothing more and waits for the runs already running to end. */
    @Override
    public void close()
    {
        stop();
        executor.ifPresent(service -> {
            service.shutdown();
            try {
                while (!service.awaitTermination(1, TimeUnit.MINUTES)) {
                    lines.accept("waiting for the running runs to end ...");
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void run(Path file, String runId)
    {
        RunEnd end;
        try {
            end = starter.run(file, runId);
        }
        catch (RuntimeException e) {
            end = new RunEnd(runId, "FAILED", Optional.empty(), Optional.of(e.getClass().getName() + ": " + e.getMessage()));
        }
        lines.accept("finished " + end.runId() + " " + end.status() + " for " + file.getFileName()
                + end.report().map(report -> ": report " + report).orElse("")
                + end.reason().map(reason -> ": " + reason).orElse(""));
    }

    private synchronized void forget(String runId)
    {
        started.remove(runId);
    }

    private static String sha256(Path file)
    {
        try (InputStream input = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            input.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) input).getMessageDigest().digest());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
