package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameters, ResultSelector and ResultPath, applied in that order.
 * Expected outputs are worked out by hand from the specification's rules.
 */
class PathProcessingTest
{
    private static final String ADD = "arn:aws:lambda:us-east-1:123456789012:function:Add";
    private static final String ECHO = "arn:aws:lambda:us-east-1:123456789012:function:Echo";

    @Test
    void execute_specificationExample_addsSumBesideTheInput()
    {
        List<JsonNode> received = new ArrayList<>();
        TaskHandler add = input -> {
            received.add(input);
            return IntNode.valueOf(input.get("val1").intValue() + input.get("val2").intValue());
        };

        ExecutionResult result = run("path-processing", Map.of(ADD, add), "{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(received).containsExactly(json("{\"val1\": 3, \"val2\": 4}"));
        assertThat(result.output()).contains(json("{\"title\": \"Numbers to add\", \"numbers\": {\"val1\": 3, \"val2\": 4}, \"sum\": 7}"));
    }

    @Test
    void execute_parametersAndResultSelector_buildTaskInputAndSelectedResult()
    {
        List<JsonNode> received = new ArrayList<>();
        TaskHandler echo = input -> {
            received.add(input);
            return input;
        };

        ExecutionResult result = run("parameters-and-selector", Map.of(ECHO, echo),
                "{\"payload\": {\"flagged\": 7, \"vals\": [0, 10, 20, 30, 40, 50]}, \"other\": 1}");

        assertThat(received).containsExactly(json("""
                {"flagged": true,
                 "parts": {"first": 0, "last": 50},
                 "execution": "test-execution",
                 "count": 11,
                 "list": [{"value": 10}, "literal"]}
                """));
        assertThat(result.output()).contains(json("""
                {"payload": {"flagged": 7, "vals": [0, 10, 20, 30, 40, 50]}, "other": 1,
                 "result": {"nested": {"echoed": {"first": 0, "last": 50}, "constant": "c"}}}
                """));
    }

    @Test
    void execute_resultPathNull_passesInputOn()
    {
        TaskHandler echo = input -> json("\"ignored\"");

        ExecutionResult result = run("result-path-null", Map.of(ECHO, echo), "{\"inner\": {\"a\": 1}, \"outer\": 2}");

        assertThat(result.output()).contains(json("{\"inner\": {\"a\": 1}, \"outer\": 2}"));
    }

    @Test
    void execute_parametersPathMatchingNothing_failsWithRuntimeErrorThatRetryAndCatchIgnore()
    {
        RecordingSleeper sleeper = new RecordingSleeper();
        List<JsonNode> received = new ArrayList<>();
        TaskHandler echo = input -> {
            received.add(input);
            return input;
        };

        ExecutionResult result = TestDefinitions.runner("missing-path", Map.of(ECHO, echo), sleeper).build()
                .execute("missing", json("{\"present\": true}"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("$.missing").contains("Parameters.value.$"));
        assertThat(received).isEmpty();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void execute_passParametersPathMatchingNothing_failsWithRuntimeErrorNamingField()
    {
        ExecutionResult result = run("missing-parameter-path", "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).contains("The JSONPath '$.missing' specified for the field 'Parameters.value.$' could not be found in the input");
    }

    @Test
    void execute_resultPathBelowString_failsWithResultPathMatchFailure()
    {
        ExecutionResult result = run("result-path-match-failure", "{\"text\": \"a string\"}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.ResultPathMatchFailure");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("$.text.inner"));
    }

    @Test
    void execute_handlerMutatingItsInput_doesNotChangeTheStateInput()
    {
        TaskHandler mutating = input -> {
            ((ObjectNode) input).put("val1", 100);
            return IntNode.valueOf(0);
        };

        ExecutionResult result = run("path-processing", Map.of(ADD, mutating), "{\"numbers\": {\"val1\": 3, \"val2\": 4}}");

        assertThat(result.output()).contains(json("{\"numbers\": {\"val1\": 3, \"val2\": 4}, \"sum\": 0}"));
    }
}
