package io.duckstep.local.runs;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.asl.ExecutionStatus;
import io.duckstep.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunHistoryRecorderTest
{
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    @Test
    void recorder_eachEvent_isOnDiskBeforeTheNextOne()
            throws Exception
    {
        TestingClock clock = new TestingClock();
        Path run = directory.resolve("run-1");
        RunHistoryRecorder recorder = new RunHistoryRecorder(run, "run-1", "summary", JSON.readTree("{\"upload\": \"u.csv\"}"), clock);

        assertThat(RunHistory.readFrom(run).orElseThrow().status()).isEqualTo("RUNNING");
        recorder.stateEntered("PrepareUpload", JSON.readTree("{\"upload\": \"u.csv\"}"));
        RunHistory afterEntered = RunHistory.readFrom(run).orElseThrow();
        clock.advance(Duration.ofMillis(1500));
        recorder.stateFailed("PrepareUpload", "io.duckstep.core.error.InvalidInputException", "u.csv, line 2: bad", Duration.ofMillis(1500));
        RunHistory afterFailed = RunHistory.readFrom(run).orElseThrow();

        assertThat(afterEntered.status()).isEqualTo("RUNNING");
        assertThat(afterEntered.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("STATE_ENTERED");
            assertThat(event.payload()).contains(JSON.readTree("{\"upload\": \"u.csv\"}"));
        });
        assertThat(afterFailed.events()).hasSize(2);
        assertThat(StateRecord.of(afterFailed)).singleElement().satisfies(state -> {
            assertThat(state.status()).isEqualTo("FAILED");
            assertThat(state.error()).contains("io.duckstep.core.error.InvalidInputException");
            assertThat(state.cause()).contains("u.csv, line 2: bad");
            assertThat(state.elapsed()).contains(Duration.ofMillis(1500));
        });
        assertThat(afterFailed.stoppedAt()).isEmpty();
        try (var files = Files.list(run)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("history.json");
        }
    }

    @Test
    void finished_failedExecution_recordsTheEndWithErrorAndCause()
            throws Exception
    {
        TestingClock clock = new TestingClock();
        Path run = directory.resolve("run-2");
        RunHistoryRecorder recorder = new RunHistoryRecorder(run, "run-2", "summary", JSON.readTree("{}"), clock);
        clock.advance(Duration.ofSeconds(3));

        recorder.finished(new ExecutionResult("run-2", "arn:aws:states:local:000000000000:execution:summary:run-2", ExecutionStatus.FAILED, Optional.empty(),
                Optional.of("States.TaskFailed"), Optional.of("boom"), Instant.parse("2026-12-01T21:00:00Z"), clock.instant(), List.of()));

        RunHistory history = RunHistory.readFrom(run).orElseThrow();
        assertThat(history.status()).isEqualTo("FAILED");
        assertThat(history.error()).contains("States.TaskFailed");
        assertThat(history.cause()).contains("boom");
        assertThat(history.duration()).contains(Duration.ofSeconds(3));
    }
}
