package io.duckstep.asl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

class WaitAndFailTest
{
    @Test
    void execute_everyWaitKind_sleepsTheirDurations()
    {
        // The clock is fixed at 2024-05-06T07:08:09.123Z: the Timestamp is 10 seconds later, $.until 3 seconds later.
        RecordingSleeper sleeper = new RecordingSleeper();

        ExecutionResult result = TestDefinitions.runner("wait", Map.of(), sleeper).build()
                .execute("waits", json("{\"delay\": 7, \"until\": \"2024-05-06T07:08:12.123Z\"}"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(7), Duration.ofSeconds(10), Duration.ofSeconds(3));
        assertThat(result.output()).contains(json("7"));
    }

    @Test
    void execute_timestampInThePast_doesNotWait()
    {
        RecordingSleeper sleeper = new RecordingSleeper();

        TestDefinitions.runner("wait", Map.of(), sleeper).build()
                .execute("past", json("{\"delay\": 0, \"until\": \"2020-01-01T00:00:00Z\"}"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void execute_negativeSecondsPath_failsWithRuntimeError()
    {
        ExecutionResult result = run("wait", "{\"delay\": -1, \"until\": \"2020-01-01T00:00:00Z\"}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("SecondsPath"));
    }

    @Test
    void execute_timestampPathNotATimestamp_failsWithRuntimeError()
    {
        ExecutionResult result = run("wait", "{\"delay\": 1, \"until\": \"tomorrow\"}");

        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("TimestampPath"));
    }

    @Test
    void execute_failState_failsWithItsErrorAndCause()
    {
        ExecutionResult result = run("fail-constant", "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("CustomError");
        assertThat(result.cause()).contains("Something broke");
        assertThat(result.history()).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.STATE_ENTERED, HistoryEventType.STATE_FAILED, HistoryEventType.EXECUTION_FAILED);
    }

    @Test
    void execute_failStatePaths_readErrorAndFormatCause()
    {
        ExecutionResult result = run("fail-paths", "{\"error\": \"OrderFailed\", \"order\": 42}");

        assertThat(result.error()).contains("OrderFailed");
        assertThat(result.cause()).contains("Order 42 failed");
    }

    @Test
    void execute_failStateErrorPathSelectingNumber_failsWithRuntimeError()
    {
        ExecutionResult result = run("fail-paths", "{\"error\": 5, \"order\": 42}");

        assertThat(result.error()).contains("States.Runtime");
    }
}
