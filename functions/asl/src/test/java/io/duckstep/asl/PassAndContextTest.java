package io.duckstep.asl;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

class PassAndContextTest
{
    @Test
    void execute_passParametersWithResultPath_addsResultToInput()
    {
        ExecutionResult result = run("pass-parameters", "{\"georefOf\": \"Home\"}");

        assertThat(result.output()).contains(json("""
                {"georefOf": "Home", "coords": {"x-datum": 0.381018, "y-datum": 622.2269926397355}}
                """));
    }

    @Test
    void execute_contextObject_exposesExecutionStateMachineAndState()
    {
        StateMachine machine = StateMachine.parse("inspector", TestDefinitions.text("definitions/context-object.asl.json"), Map.of(), Set.of());
        ExecutionResult result = LocalStateMachineRunner.builder()
                .stateMachine(machine)
                .clock(TestDefinitions.FIXED_CLOCK)
                .sleeper(new RecordingSleeper())
                .build()
                .execute("run-42", json("{\"hello\": \"world\"}"));

        assertThat(result.output()).contains(json("""
                {"executionId": "arn:aws:states:local:000000000000:execution:inspector:run-42",
                 "executionName": "run-42",
                 "executionInput": {"hello": "world"},
                 "executionStartTime": "2024-05-06T07:08:09.123Z",
                 "stateMachineId": "arn:aws:states:local:000000000000:stateMachine:inspector",
                 "stateMachineName": "inspector",
                 "stateName": "Inspect",
                 "stateEnteredTime": "2024-05-06T07:08:09.123Z",
                 "retryCount": 0}
                """));
        assertThat(result.executionArn()).isEqualTo("arn:aws:states:local:000000000000:execution:inspector:run-42");
    }
}
