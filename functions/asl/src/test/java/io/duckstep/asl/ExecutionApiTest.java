package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.duckstep.asl.TestDefinitions.NOW;
import static io.duckstep.asl.TestDefinitions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ExecutionApiTest
{
    private static final String ECHO = "arn:aws:lambda:us-east-1:123456789012:function:Echo";

    @Test
    void execute_substitutedDefinition_callsHandlerOfSubstitutedResource()
    {
        StateMachine machine = StateMachine.parse("substituted", TestDefinitions.text("definitions/substitution.asl.json"),
                Map.of("EchoFunctionArn", ECHO, "BucketName", "my-bucket"), Set.of(ECHO));
        List<JsonNode> received = new ArrayList<>();

        ExecutionResult result = LocalStateMachineRunner.builder()
                .stateMachine(machine)
                .handler(ECHO, input -> {
                    received.add(input);
                    return json("\"done\"");
                })
                .build()
                .execute(json("{}"));

        assertThat(received).containsExactly(json("{\"bucket\": \"my-bucket\"}"));
        assertThat(result.output()).contains(json("\"done\""));
        assertThat(result.executionName()).matches("[0-9a-f-]{36}");
    }

    @Test
    void execute_twoStates_historyAndListenerSeeEveryTransition()
    {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ExecutionListener listener = new ExecutionListener()
        {
            @Override
            public void stateEntered(String stateName)
            {
                heard.add("entered " + stateName);
            }

            @Override
            public void stateExited(String stateName, Duration elapsed)
            {
                heard.add("exited " + stateName);
            }
        };

        ExecutionResult result = TestDefinitions.runner("two-passes", Map.of(), new RecordingSleeper()).listener(listener).build()
                .execute("history", json("{}"));

        assertThat(result.output()).contains(json("{\"first\": {\"step\": \"one\"}, \"second\": {\"step\": \"two\"}}"));
        assertThat(heard).containsExactly("entered First", "exited First", "entered Second", "exited Second");
        assertThat(result.history()).extracting(HistoryEvent::type, HistoryEvent::stateName).containsExactly(
                tuple(HistoryEventType.EXECUTION_STARTED, Optional.empty()),
                tuple(HistoryEventType.STATE_ENTERED, Optional.of("First")),
                tuple(HistoryEventType.STATE_EXITED, Optional.of("First")),
                tuple(HistoryEventType.STATE_ENTERED, Optional.of("Second")),
                tuple(HistoryEventType.STATE_EXITED, Optional.of("Second")),
                tuple(HistoryEventType.EXECUTION_SUCCEEDED, Optional.empty()));
        assertThat(result.history()).allSatisfy(event -> assertThat(event.timestamp()).isEqualTo(NOW));
        assertThat(result.history()).filteredOn(event -> event.type() == HistoryEventType.STATE_EXITED)
                .allSatisfy(event -> assertThat(event.elapsed()).isPresent());
        assertThat(result.startTime()).isEqualTo(NOW);
        assertThat(result.stopTime()).isEqualTo(NOW);
    }

    @Test
    void execute_twoStates_listenerHearsEachStateInputAndOutput()
    {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        ExecutionListener listener = new ExecutionListener()
        {
            @Override
            public void stateEntered(String stateName, JsonNode input)
            {
                heard.add("entered " + stateName + " " + input);
            }

            @Override
            public void stateExited(String stateName, JsonNode output, Duration elapsed)
            {
                heard.add("exited " + stateName + " " + output);
            }
        };

        TestDefinitions.runner("two-passes", Map.of(), new RecordingSleeper()).listener(listener).build()
                .execute("payloads", json("{\"given\": 1}"));

        assertThat(heard).containsExactly(
                "entered First {\"given\":1}",
                "exited First {\"given\":1,\"first\":{\"step\":\"one\"}}",
                "entered Second {\"given\":1,\"first\":{\"step\":\"one\"}}",
                "exited Second {\"given\":1,\"first\":{\"step\":\"one\"},\"second\":{\"step\":\"two\"}}");
    }

    @Test
    void execute_sameRunnerTwice_executionsAreIndependent()
    {
        LocalStateMachineRunner runner = TestDefinitions.runner("pass-parameters", Map.of(), new RecordingSleeper()).build();

        ExecutionResult first = runner.execute("first", json("{\"georefOf\": \"Home\"}"));
        ((ObjectNode) first.output().orElseThrow().get("coords")).put("x-datum", 0);
        ExecutionResult second = runner.execute("second", json("{\"georefOf\": \"Work\"}"));

        assertThat(second.output().orElseThrow().get("coords").get("x-datum").doubleValue()).isEqualTo(0.381018);
    }

    @Test
    void execute_givenExecutor_runsOnItAndLeavesItRunning()
    {
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            ExecutionResult result = TestDefinitions.runner("parallel-plain", Map.of(), new RecordingSleeper()).executor(executor).build()
                    .execute("own-executor", json("{\"x\": 1}"));

            assertThat(result.output()).contains(json("[{\"branch\": \"a\"}, {\"b\": 1}, {\"x\": 1}]"));
            assertThat(executor.isShutdown()).isFalse();
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void execute_executionNameWithSlash_isRejected()
    {
        LocalStateMachineRunner runner = TestDefinitions.runner("two-passes", Map.of(), new RecordingSleeper()).build();

        assertThatThrownBy(() -> runner.execute("a/b", json("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forbidden character '/'");
    }
}
