package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CatchTest
{
    private static final String WORK = "arn:aws:lambda:us-east-1:123456789012:function:Work";
    private static final String ADD = "arn:aws:lambda:us-east-1:123456789012:function:Add";

    @Test
    void execute_exceptionCaughtByClassName_placesErrorAtResultPath()
    {
        TaskHandler work = input -> {
            throw new IllegalArgumentException("bad input");
        };

        ExecutionResult result = run("catch", Map.of(WORK, work), "{\"order\": 1}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains(json("""
                {"handledBy": "HandleInvalid",
                 "input": {"order": 1,
                           "error": {"Error": "java.lang.IllegalArgumentException",
                                     "Cause": "{\\"errorMessage\\":\\"bad input\\",\\"errorType\\":\\"java.lang.IllegalArgumentException\\"}"}}}
                """));
    }

    @Test
    void execute_otherException_caughtByTaskFailedWithErrorOutputAsInput()
    {
        TaskHandler work = input -> {
            throw new IOException("disk full");
        };

        ExecutionResult result = run("catch", Map.of(WORK, work), "{\"order\": 1}");

        assertThat(result.output()).contains(json("""
                {"handledBy": "HandleTaskFailed",
                 "input": {"Error": "java.io.IOException",
                           "Cause": "{\\"errorMessage\\":\\"disk full\\",\\"errorType\\":\\"java.io.IOException\\"}"}}
                """));
    }

    @Test
    void execute_taskTimeout_caughtByStatesTimeout()
    {
        ExecutionResult result = run("catch", Map.of(WORK, CatchTest::blockUntilInterrupted), "{\"order\": 1}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().orElseThrow().get("handledBy").textValue()).isEqualTo("HandleTimeout");
        assertThat(result.output().orElseThrow().at("/input/error/Error").textValue()).isEqualTo("States.Timeout");
        assertThat(result.output().orElseThrow().at("/input/order").intValue()).isEqualTo(1);
    }

    @Test
    void execute_taskTimeout_isNotCaughtByTaskFailed()
    {
        ExecutionResult result = run("catch-task-failed", Map.of(WORK, CatchTest::blockUntilInterrupted), "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Timeout");
    }

    @Test
    void execute_taskError_caughtByTaskFailed()
    {
        TaskHandler work = input -> {
            throw new IllegalStateException("broken");
        };

        ExecutionResult result = run("catch-task-failed", Map.of(WORK, work), "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().orElseThrow().get("Error").textValue()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void execute_statesAllWithResultPathNull_keepsInputUnchanged()
    {
        ExecutionResult result = run("catch-all", Map.of(WORK, input -> {
            throw new TestFailureException("whatever");
        }), "{\"order\": 7}");

        assertThat(result.output()).contains(json("{\"order\": 7, \"outcome\": \"handled\"}"));
        assertThat(result.history()).extracting(HistoryEvent::type, event -> event.stateName().orElse(""))
                .contains(tuple(HistoryEventType.STATE_EXITED, "Work"));
    }

    @Test
    void execute_uncaughtProjectException_failsWithItsClassNameAndLambdaCause()
    {
        FailingHandler failing = new FailingHandler(List.of(new TestFailureException("query rejected")));

        ExecutionResult result = run("path-processing", Map.of(ADD, failing), "{\"numbers\": {\"val1\": 1, \"val2\": 2}}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("io.duckstep.asl.TestFailureException");
        assertThat(result.cause()).contains("{\"errorMessage\":\"query rejected\",\"errorType\":\"io.duckstep.asl.TestFailureException\"}");
        assertThat(result.history()).last().extracting(HistoryEvent::type).isEqualTo(HistoryEventType.EXECUTION_FAILED);
    }

    static JsonNode blockUntilInterrupted(JsonNode input)
            throws InterruptedException
    {
        new CountDownLatch(1).await();
        return input;
    }
}
