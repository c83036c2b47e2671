package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static io.duckstep.asl.TestDefinitions.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retry delays are recorded by the sleeper; expected delays are worked out from
 * IntervalSeconds * BackoffRate^(retry - 1), capped at MaxDelaySeconds.
 */
class RetryTest
{
    private static final String FLAKY = "arn:aws:lambda:us-east-1:123456789012:function:Flaky";

    @Test
    void execute_intervalTwoBackoffThreeMaxDelayTen_waitsTwoSixTen()
    {
        RecordingSleeper sleeper = new RecordingSleeper();
        FailingHandler failing = new FailingHandler(List.of(
                new IllegalStateException("one"), new IllegalStateException("two"), new IllegalStateException("three")));
        List<JsonNode> inputs = new ArrayList<>();
        List<String> retries = new ArrayList<>();
        TaskHandler recording = input -> {
            inputs.add(input);
            return failing.handle(input);
        };
        ExecutionListener listener = new ExecutionListener()
        {
            @Override
            public void stateRetrying(String stateName, String error, int retryCount, Duration delay)
            {
                retries.add(stateName + " " + error + " " + retryCount + " " + delay.toSeconds());
            }
        };

        ExecutionResult result = TestDefinitions.runner("retry-backoff", Map.of(FLAKY, recording), sleeper).listener(listener).build()
                .execute("retries", json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10));
        assertThat(inputs).containsExactly(json("{\"retryCount\": 0}"), json("{\"retryCount\": 1}"), json("{\"retryCount\": 2}"), json("{\"retryCount\": 3}"));
        assertThat(retries).containsExactly(
                "Flaky java.lang.IllegalStateException 1 2",
                "Flaky java.lang.IllegalStateException 2 6",
                "Flaky java.lang.IllegalStateException 3 10");
        assertThat(result.output()).contains(json("{\"retryCount\": 3}"));
    }

    @Test
    void execute_defaultRetrier_waitsOneTwoFourThenFails()
    {
        RecordingSleeper sleeper = new RecordingSleeper();
        FailingHandler failing = new FailingHandler(List.of(
                new IllegalStateException("1"), new IllegalStateException("2"), new IllegalStateException("3"), new IllegalStateException("4")));

        ExecutionResult result = TestDefinitions.runner("retry-defaults", Map.of(FLAKY, failing), sleeper).build().execute("defaults", json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("java.lang.IllegalStateException");
        assertThat(result.cause()).contains("{\"errorMessage\":\"4\",\"errorType\":\"java.lang.IllegalStateException\"}");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(failing.calls()).isEqualTo(4);
    }

    @Test
    void execute_retriersCountTheirOwnAttempts_asInTheDeveloperGuideScenario()
    {
        // ErrorA, ErrorB, ErrorC, ErrorB, ErrorB of the guide: waits 1 and 2 (first retrier), 5 (second), 4 (first), then the catcher.
        RecordingSleeper sleeper = new RecordingSleeper();
        FailingHandler failing = new FailingHandler(List.of(
                new IllegalArgumentException("A"),
                new IllegalStateException("B"),
                new UnsupportedOperationException("C"),
                new IllegalStateException("B"),
                new IllegalStateException("B")));

        ExecutionResult result = TestDefinitions.runner("retry-per-error", Map.of(FLAKY, failing), sleeper).build().execute("guide", json("{}"));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(4));
        assertThat(failing.calls()).isEqualTo(5);
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains(json("""
                {"Error": "java.lang.IllegalStateException",
                 "Cause": "{\\"errorMessage\\":\\"B\\",\\"errorType\\":\\"java.lang.IllegalStateException\\"}"}
                """));
    }

    @Test
    void execute_maxAttemptsZero_neverRetriesEvenWhenALaterRetrierMatches()
    {
        RecordingSleeper sleeper = new RecordingSleeper();
        FailingHandler failing = new FailingHandler(List.of(new IllegalStateException("no retry")));

        ExecutionResult result = TestDefinitions.runner("retry-never", Map.of(FLAKY, failing), sleeper).build().execute("never", json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(failing.calls()).isEqualTo(1);
    }

    @Test
    void execute_errorCoveredByLaterRetrier_retriesWithItsSettings()
    {
        RecordingSleeper sleeper = new RecordingSleeper();
        FailingHandler failing = new FailingHandler(List.of(
                new IllegalArgumentException("1"), new IllegalArgumentException("2"), new IllegalArgumentException("3")));

        ExecutionResult result = TestDefinitions.runner("retry-never", Map.of(FLAKY, failing), sleeper).build().execute("later", json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(failing.calls()).isEqualTo(3);
    }

    @Test
    void execute_fullJitter_waitsRandomShareOfBackoff()
    {
        RecordingSleeper sleeper = new RecordingSleeper();
        FailingHandler failing = new FailingHandler(List.of(new IllegalStateException("1"), new IllegalStateException("2")));
        RandomGenerator half = new RandomGenerator()
        {
            @Override
            public long nextLong()
            {
                throw new UnsupportedOperationException("only nextDouble is expected");
            }

            @Override
            public double nextDouble()
            {
                return 0.5;
            }
        };

        ExecutionResult result = TestDefinitions.runner("retry-jitter", Map.of(FLAKY, failing), sleeper).random(half).build().execute("jitter", json("{}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // computed backoffs are 4 and 8 seconds; half of each
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }
}
