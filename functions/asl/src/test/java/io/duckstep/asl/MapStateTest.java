package io.duckstep.asl;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

class MapStateTest
{
    private static final String PROCESS = "arn:aws:lambda:us-east-1:123456789012:function:Process";
    /** Only bounds how long a broken test hangs; no assertion depends on timing. */
    private static final long HANG_GUARD_SECONDS = 30;

    @Test
    void execute_iterationsFinishingInReverse_outputsInItemOrder()
    {
        CountDownLatch cDone = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        List<String> finished = new CopyOnWriteArrayList<>();
        TaskHandler process = input -> {
            String item = input.textValue();
            if (item.equals("b")) {
                cDone.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            }
            if (item.equals("a")) {
                bDone.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            }
            finished.add(item);
            (item.equals("c") ? cDone : bDone).countDown();
            return TextNode.valueOf(item.toUpperCase(Locale.ROOT));
        };

        ExecutionResult result = run("map", Map.of(PROCESS, process), "{\"items\": [\"a\", \"b\", \"c\"]}");

        assertThat(finished).containsExactly("c", "b", "a");
        assertThat(result.output()).contains(json("{\"items\": [\"a\", \"b\", \"c\"], \"results\": [\"A\", \"B\", \"C\"]}"));
    }

    @Test
    void execute_maxConcurrencyTwo_runsExactlyTwoIterationsAtATime()
    {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        // Iterations pass the barrier in pairs, which proves two run at once.
        CyclicBarrier pairs = new CyclicBarrier(2);
        TaskHandler process = input -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            pairs.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            active.decrementAndGet();
            return input;
        };

        ExecutionResult result = run("map-max-concurrency", Map.of(PROCESS, process), "[1, 2, 3, 4, 5, 6]");

        assertThat(result.output()).contains(json("[1, 2, 3, 4, 5, 6]"));
        assertThat(mostActive.get()).isEqualTo(2);
    }

    @Test
    void execute_runnerAllowsOneTaskAtATime_runsOneHandlerAtATime()
    {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        TaskHandler process = input -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            active.decrementAndGet();
            return input;
        };

        ExecutionResult result = TestDefinitions.runner("map", Map.of(PROCESS, process), new RecordingSleeper())
                .maxConcurrentTasks(1)
                .build()
                .execute("one-task-at-a-time", json("{\"items\": [1, 2, 3, 4, 5, 6, 7, 8]}"));

        assertThat(result.output()).contains(json("{\"items\": [1, 2, 3, 4, 5, 6, 7, 8], \"results\": [1, 2, 3, 4, 5, 6, 7, 8]}"));
        assertThat(mostActive.get()).isEqualTo(1);
    }

    @Test
    void execute_legacyParametersAndIterator_runOneIterationAtATime()
    {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        TaskHandler process = input -> {
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            active.decrementAndGet();
            return input;
        };

        ExecutionResult result = run("map-legacy", Map.of(PROCESS, process), "{\"items\": [\"x\", \"y\", \"z\"]}");

        assertThat(result.output()).contains(json("""
                [{"item": "x", "position": 0}, {"item": "y", "position": 1}, {"item": "z", "position": 2}]
                """));
        assertThat(mostActive.get()).isEqualTo(1);
    }

    @Test
    void execute_itemSelector_seesIndexValueAndEffectiveInput()
    {
        ExecutionResult result = run("map-item-selector", "{\"data\": {\"label\": \"L\", \"items\": [10, 20]}, \"other\": 1}");

        assertThat(result.output()).contains(json("""
                [{"index": 0, "value": 10, "label": "L"}, {"index": 1, "value": 20, "label": "L"}]
                """));
    }

    @Test
    void execute_noItems_outputsEmptyArray()
    {
        ExecutionResult result = run("map", Map.of(PROCESS, input -> input), "{\"items\": []}");

        assertThat(result.output()).contains(json("{\"items\": [], \"results\": []}"));
    }

    @Test
    void execute_itemsPathSelectingString_failsWithRuntimeError()
    {
        ExecutionResult result = run("map", Map.of(PROCESS, input -> input), "{\"items\": \"abc\"}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("must select an array"));
    }

    @Test
    void execute_failingIteration_failsTheMap()
    {
        TaskHandler process = input -> {
            if (input.textValue().equals("bad")) {
                throw new UnsupportedOperationException("cannot process bad");
            }
            return input;
        };

        ExecutionResult result = run("map", Map.of(PROCESS, process), "{\"items\": [\"good\", \"bad\", \"good\"]}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("java.lang.UnsupportedOperationException");
    }
}
