package io.duckstep.asl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

class ParallelStateTest
{
    private static final String LEFT = "arn:aws:lambda:us-east-1:123456789012:function:Left";
    private static final String RIGHT = "arn:aws:lambda:us-east-1:123456789012:function:Right";
    /** Only bounds how long a broken test hangs; no assertion depends on timing. */
    private static final long HANG_GUARD_SECONDS = 30;

    @Test
    void execute_twoBranches_runConcurrently()
    {
        // Each branch waits at the barrier until the other one arrives: this only completes when both run at once.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        TaskHandler left = input -> {
            bothRunning.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            return object("side", "left").set("value", input.get("value"));
        };
        TaskHandler right = input -> {
            bothRunning.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            return object("side", "right");
        };

        ExecutionResult result = run("parallel", Map.of(LEFT, left, RIGHT, right), "{\"value\": 5, \"unused\": true}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains(json("""
                {"value": 5, "unused": true,
                 "branches": {"left": {"side": "left", "value": 5},
                              "right": {"side": "right", "note": "right done"}}}
                """));
    }

    @Test
    void execute_failingBranch_cancelsTheOtherBranchAndIsCaught()
            throws InterruptedException
    {
        CountDownLatch leftStarted = new CountDownLatch(1);
        CountDownLatch leftInterrupted = new CountDownLatch(1);
        TaskHandler left = input -> {
            leftStarted.countDown();
            try {
                new CountDownLatch(1).await();
            }
            catch (InterruptedException e) {
                leftInterrupted.countDown();
                throw e;
            }
            return input;
        };
        TaskHandler right = input -> {
            leftStarted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            throw new IllegalStateException("right failed");
        };

        ExecutionResult result = run("parallel", Map.of(LEFT, left, RIGHT, right), "{\"value\": 5}");

        assertThat(leftInterrupted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("the left branch was interrupted").isTrue();
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains(json("""
                {"value": 5,
                 "error": {"Error": "java.lang.IllegalStateException",
                           "Cause": "{\\"errorMessage\\":\\"right failed\\",\\"errorType\\":\\"java.lang.IllegalStateException\\"}"}}
                """));
    }

    @Test
    void execute_failingBranch_catchRunsOnlyOnceTheOtherBranchStopped()
    {
        CountDownLatch leftStarted = new CountDownLatch(1);
        AtomicBoolean leftStopped = new AtomicBoolean();
        TaskHandler left = input -> {
            leftStarted.countDown();
            try {
                new CountDownLatch(1).await();
            }
            catch (InterruptedException e) {
                // swallowed, as a task that goes on to publish its result would
            }
            finally {
                leftStopped.set(true);
            }
            return input;
        };
        TaskHandler right = input -> {
            leftStarted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            throw new IllegalStateException("right failed");
        };

        ExecutionResult result = run("parallel", Map.of(LEFT, left, RIGHT, right), "{\"value\": 5}");

        // no waiting here: the Catch (which may clean up after the failure) ran after the cancelled branch had stopped
        assertThat(leftStopped).isTrue();
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void execute_failingBranchWithATaskTimeout_catchRunsOnlyOnceTheOtherBranchsHandlerStopped()
    {
        // with a timeout the handler runs on a thread of its own: cancelling the branch must still wait for it
        CountDownLatch leftStarted = new CountDownLatch(1);
        AtomicBoolean leftStopped = new AtomicBoolean();
        TaskHandler left = input -> {
            leftStarted.countDown();
            try {
                new CountDownLatch(1).await();
            }
            catch (InterruptedException e) {
                // goes on working after the interruption, as a task that publishes its result would
                long work = 0;
                for (long i = 0; i < 200_000_000L; i++) {
                    work += i ^ (work >>> 3);
                }
                input = JsonNodeFactory.instance.objectNode().put("work", work);
            }
            leftStopped.set(true);
            return input;
        };
        TaskHandler right = input -> {
            leftStarted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            throw new IllegalStateException("right failed");
        };

        ExecutionResult result = run("parallel-task-timeout", Map.of(LEFT, left, RIGHT, right), "{\"value\": 5}");

        assertThat(leftStopped).isTrue();
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void execute_branchFailsWithUncaughtError_failsTheExecution()
    {
        TaskHandler left = input -> input;
        TaskHandler right = input -> {
            throw new IllegalArgumentException("bad value");
        };

        ExecutionResult result = run("parallel", Map.of(LEFT, left, RIGHT, right), "{\"value\": 5}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("java.lang.IllegalArgumentException");
        assertThat(result.cause()).contains("{\"errorMessage\":\"bad value\",\"errorType\":\"java.lang.IllegalArgumentException\"}");
        assertThat(result.output()).isEmpty();
    }

    @Test
    void execute_branchesWithoutTasks_outputArrayInBranchOrder()
    {
        ExecutionResult result = run("parallel-plain", "{\"x\": {\"y\": 1}}");

        assertThat(result.output()).contains(json("[{\"branch\": \"a\"}, {\"b\": {\"y\": 1}}, {\"x\": {\"y\": 1}}]"));
    }

    private static ObjectNode object(String name, String value)
    {
        return JsonNodeFactory.instance.objectNode().put(name, value);
    }
}
