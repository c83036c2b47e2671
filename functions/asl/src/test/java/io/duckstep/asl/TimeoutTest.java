package io.duckstep.asl;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.duckstep.asl.TestDefinitions.json;
import static org.assertj.core.api.Assertions.assertThat;

class TimeoutTest
{
    private static final String SLOW = "arn:aws:lambda:us-east-1:123456789012:function:Slow";

    @Test
    void execute_stateMachineTimeoutElapses_timesOutAndInterruptsTheTask()
            throws InterruptedException
    {
        CountDownLatch interrupted = new CountDownLatch(1);
        TaskHandler slow = input -> {
            try {
                new CountDownLatch(1).await();
            }
            catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return input;
        };

        ExecutionResult result = TestDefinitions.runner("execution-timeout", Map.of(SLOW, slow), new RecordingSleeper()).build()
                .execute("slow", json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(result.error()).contains("States.Timeout");
        assertThat(result.output()).isEmpty();
        assertThat(result.history()).last().extracting(HistoryEvent::type).isEqualTo(HistoryEventType.EXECUTION_TIMED_OUT);
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("the task was interrupted").isTrue();
    }

    @Test
    void execute_stateMachineTimeoutNotReached_succeeds()
    {
        ExecutionResult result = TestDefinitions.runner("execution-timeout", Map.of(SLOW, input -> input), new RecordingSleeper()).build()
                .execute("fast", json("{\"quick\": true}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains(json("{\"quick\": true}"));
    }
}
