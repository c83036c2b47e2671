package io.duckstep.local.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Keeps a run's execution history in {@code <runDirectory>/history.json} as the run goes: the file is
 * rewritten (temporary file, then rename) after every event, so a run that fails or is stopped has
 * its history up to that point, and a reader never sees half a file. Each event is written as JSON once, when it
 * happens, and kept as text: a rewrite costs the new event, not the whole history again.
 */
public final class RunHistoryRecorder
        implements ExecutionListener
{
    private final Path file;
    private final String runId;
    private final String stateMachine;
    private final JsonNode input;
    private final Clock clock;
    private final Instant startedAt;
    /** The events so far, each as JSON text. */
    private final List<String> events = new ArrayList<>();

    public RunHistoryRecorder(Path runDirectory, String runId, String stateMachine, JsonNode input, Clock clock)
    {
        this.file = requireNonNull(runDirectory, "runDirectory is null").resolve(RunHistory.FILE_NAME);
        this.runId = requireNonNull(runId, "runId is null");
        this.stateMachine = requireNonNull(stateMachine, "stateMachine is null");
        this.input = requireNonNull(input, "input is null").deepCopy();
        this.clock = requireNonNull(clock, "clock is null");
        this.startedAt = clock.instant();
        write("RUNNING", Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public void stateEntered(String stateName, JsonNode stateInput)
    {
        record(new RunHistory.Event("STATE_ENTERED", stateName, clock.instant(), Optional.of(stateInput.deepCopy()), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Override
    public void stateExited(String stateName, JsonNode output, Duration elapsed)
    {
        record(new RunHistory.Event("STATE_EXITED", stateName, clock.instant(), Optional.of(output.deepCopy()), Optional.of(elapsed), Optional.empty(), Optional.empty()));
    }

    @Override
    public void stateFailed(String stateName, String error, String cause, Duration elapsed)
    {
        record(new RunHistory.Event("STATE_FAILED", stateName, clock.instant(), Optional.empty(), Optional.of(elapsed), Optional.ofNullable(error), Optional.ofNullable(cause)));
    }

    @Override
    public void stateRetrying(String stateName, String error, int retryCount, Duration delay)
    {
        record(new RunHistory.Event("STATE_RETRYING", stateName, clock.instant(), Optional.empty(), Optional.of(delay), Optional.ofNullable(error), Optional.empty()));
    }

    /** Records how the execution ended. */
    public synchronized void finished(ExecutionResult result)
    {
        write(result.status().name(), Optional.of(clock.instant()), result.error(), result.cause());
    }

    /** Records an end without a result (the runner itself failed). */
    public synchronized void failed(String error, String cause)
    {
        write("FAILED", Optional.of(clock.instant()), Optional.of(error), Optional.ofNullable(cause));
    }

    private synchronized void record(RunHistory.Event event)
    {
        try {
            events.add(RunHistory.JSON.writeValueAsString(RunHistory.eventJson(event)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the run history " + file + ": " + e.getMessage(), e);
        }
        write("RUNNING", Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The history as {@link RunHistory#toJson()} has it: the run's fields, then its events. */
    private void write(String status, Optional<Instant> stoppedAt, Optional<String> error, Optional<String> cause)
    {
        try {
            String header = RunHistory.JSON.writeValueAsString(new RunHistory(runId, stateMachine, input, status, startedAt, stoppedAt, error, cause, List.of()).headerJson());
            String history = header.substring(0, header.length() - 1) + ",\"events\":[" + String.join(",", events) + "]}";
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + RunHistory.FILE_NAME + ".tmp");
            Files.writeString(temporary, history);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the run history " + file + ": " + e.getMessage(), e);
        }
    }
}
