package io.duckstep.asl;

import org.junit.jupiter.api.Test;

import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

class FailStateTest
{
    @Test
    void execute_failState_failsWithItsErrorAndCause()
    {
        ExecutionResult result = run("fail-paths", "{\"error\": \"CustomError\", \"cause\": \"Something broke\"}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("CustomError");
        assertThat(result.cause()).contains("Something broke");
        assertThat(result.history()).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.STATE_ENTERED, HistoryEventType.STATE_FAILED, HistoryEventType.EXECUTION_FAILED);
    }

    @Test
    void execute_failStatePaths_readErrorAndCause()
    {
        ExecutionResult result = run("fail-paths", "{\"error\": \"OrderFailed\", \"cause\": \"Order 42 failed\"}");

        assertThat(result.error()).contains("OrderFailed");
        assertThat(result.cause()).contains("Order 42 failed");
    }

    @Test
    void execute_failStateErrorPathSelectingNumber_failsWithRuntimeError()
    {
        ExecutionResult result = run("fail-paths", "{\"error\": 5, \"cause\": \"Order 42 failed\"}");

        assertThat(result.error()).contains("States.Runtime");
    }
}
