package io.duckstep.asl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DefinitionRefusalTest
{
    private static final String ECHO = "arn:aws:lambda:us-east-1:123456789012:function:Echo";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            unknown-state-type          | Unsupported | Odd    | Type                               | unknown state type 'Activity'
            map-state                   | Unsupported | Each   | Type                               | Map states are not supported by the local runner
            wait-state                  | Unsupported | Pause  | Type                               | Wait states are not supported by the local runner
            unknown-field               | Unsupported | Step   | Colour                             | unknown field in a Pass state
            input-path                  | Unsupported | Step   | InputPath                          | InputPath in a Pass state is not supported by the local runner
            pass-result                 | Unsupported | Step   | Result                             | Result in a Pass state is not supported by the local runner
            fail-constant-error         | Unsupported | Broken | Error                              | Error in a Fail state is not supported by the local runner
            fail-cause-intrinsic        | Unsupported | Broken | CausePath                          | intrinsic functions in CausePath are not supported by the local runner
            parallel-result-selector    | Unsupported | Both   | ResultSelector                     | ResultSelector in a Parallel state is not supported by the local runner
            timeout-seconds-path        | Unsupported | Call   | TimeoutSecondsPath                 | TimeoutSecondsPath in a Task state is not supported by the local runner
            jsonata                     | Unsupported | -      | QueryLanguage                      | JSONata is not supported
            jsonata-state               | Unsupported | Step   | QueryLanguage                      | JSONata is not supported
            unknown-intrinsic           | Unsupported | Step   | Parameters.nested.reversed.$       | unsupported intrinsic function States.StringReverse
            intrinsic-format            | Unsupported | Step   | Parameters.text.$                  | unsupported intrinsic function States.Format; the local runner implements States.MathAdd
            unsupported-choice-operator | Unsupported | Decide | Choices[0].And[1].StringMatches    | unsupported Choice operator 'StringMatches'
            choice-or                   | Unsupported | Decide | Choices[0].Or                      | Or rules are not supported by the local runner
            heartbeat                   | Unsupported | Call   | HeartbeatSeconds                   | heartbeats
            assign                      | Unsupported | Step   | Assign                             | workflow variables
            unknown-resource            | Unsupported | Call   | Resource                           | no task handler is available for the resource 'arn:aws:lambda:us-east-1:123456789012:function:Unknown'
            filter-path                 | Unsupported | Step   | Parameters.cheap.$                 | filter expression
            wildcard-path               | Unsupported | Step   | Parameters.prices.$                | wildcard
            dynamic-array               | Unsupported | Step   | Parameters.list[1]                 | inside arrays are not supported by the local runner
            missing-next-target         | Invalid     | First  | Next                               | 'Nowhere' does not name a state of the top level
            next-and-end                | Invalid     | First  | -                                  | must not have both Next and
            no-next-no-end              | Invalid     | First  | -                                  | needs either Next or
            states-all-not-last         | Invalid     | Call   | Catch[0].ErrorEquals               | States.ALL must appear only in the last entry
            states-all-not-alone        | Invalid     | Call   | Retry[0].ErrorEquals               | States.ALL must appear alone
            unreachable-state           | Invalid     | Orphan | -                                  | not reachable
            duplicate-nested-state-name | Invalid     | Done   | -                                  | state names must be unique
            start-at-missing            | Invalid     | -      | StartAt                            | 'Begin' does not name a state of the top level
            next-into-branch            | Invalid     | Jump   | Next                               | 'Inside' does not name a state of the top level
            result-path-not-reference   | Invalid     | Step   | ResultPath                         | must be a reference path
            choice-with-next            | Invalid     | Decide | Next                               | is not allowed in a Choice state
            retry-bad-backoff           | Invalid     | Call   | Retry[0].BackoffRate               | must be at least 1.0
            intrinsic-bad-arity         | Invalid     | Step   | Parameters.a.$                     | States.MathAdd takes exactly 2 arguments
            choice-bad-literal          | Invalid     | Decide | Choices[0].NumericLessThan         | must be a number
            no-terminal-state           | Invalid     | -      | States                             | no terminal state
            invalid-path                | Invalid     | Step   | ResultPath                         | must start with '$'
            """)
    void parse_refusedDefinition_namesStateAndField(String file, String kind, String state, String field, String problem)
    {
        DefinitionException refusal = catchThrowableOfType(DefinitionException.class,
                () -> StateMachine.parse("refused", TestDefinitions.text("refused/" + file + ".asl.json"), Map.of(), Set.of(ECHO)));

        assertThat(refusal).isInstanceOf(kind.equals("Invalid") ? InvalidDefinitionException.class : UnsupportedDefinitionException.class);
        assertThat(refusal.stateMachineName()).isEqualTo("refused");
        assertThat(refusal.stateName()).isEqualTo(Optional.ofNullable(state));
        assertThat(refusal.field()).isEqualTo(Optional.ofNullable(field));
        assertThat(refusal.getMessage()).contains(problem);
        if (state != null) {
            assertThat(refusal.getMessage()).contains("state '" + state + "'");
        }
        if (field != null) {
            assertThat(refusal.getMessage()).contains("field '" + field + "'");
        }
    }

    @Test
    void parse_unknownStateType_messageNamesMachineStateAndField()
    {
        assertThatThrownBy(() -> StateMachine.parse("refused", TestDefinitions.text("refused/unknown-state-type.asl.json"), Map.of(), Set.of()))
                .isInstanceOf(UnsupportedDefinitionException.class)
                .hasMessage("State machine 'refused', state 'Odd', field 'Type': unknown state type 'Activity'");
    }

    @Test
    void parse_placeholderWithoutSubstitution_namesPlaceholder()
    {
        assertThatThrownBy(() -> StateMachine.parse("substituted", TestDefinitions.text("definitions/substitution.asl.json"),
                Map.of("EchoFunctionArn", ECHO), Set.of(ECHO)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("${BucketName} (line 9)")
                .hasMessageNotContaining("${EchoFunctionArn}");
    }

    @Test
    void parse_malformedJson_reportsLineAndColumn()
    {
        assertThatThrownBy(() -> StateMachine.parse("broken", "{\n  \"StartAt\": \"A\",\n  \"States\": {\n}", Map.of(), Set.of()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("not valid JSON at line 4");
    }

    @Test
    void parse_duplicateStateNamesInOneObject_isInvalid()
    {
        String definition = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "A": {"Type": "Pass", "End": true}}}
                """;
        assertThatThrownBy(() -> StateMachine.parse("duplicates", definition, Map.of(), Set.of()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Duplicate field 'A'");
    }

    @Test
    void parse_definitionNotAnObject_isInvalid()
    {
        assertThatThrownBy(() -> StateMachine.parse("array", "[]", Map.of(), Set.of()))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void parse_stateMachineNameWithSpace_isRejected()
    {
        assertThatThrownBy(() -> StateMachine.parse("two words", TestDefinitions.text("definitions/two-passes.asl.json"), Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forbidden character ' '");
    }

    @Test
    void build_resourceWithoutHandler_isRejected()
    {
        StateMachine machine = StateMachine.parse("needs-handler", TestDefinitions.text("definitions/path-processing.asl.json"), Map.of(),
                Set.of("arn:aws:lambda:us-east-1:123456789012:function:Add"));

        assertThatThrownBy(() -> LocalStateMachineRunner.builder().stateMachine(machine).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arn:aws:lambda:us-east-1:123456789012:function:Add");
    }

    @Test
    void resources_nestedTasks_areListed()
    {
        StateMachine machine = StateMachine.parse("nested", TestDefinitions.text("definitions/parallel.asl.json"), Map.of(),
                Set.of("arn:aws:lambda:us-east-1:123456789012:function:Left", "arn:aws:lambda:us-east-1:123456789012:function:Right"));

        assertThat(machine.resources()).containsExactlyInAnyOrder(
                "arn:aws:lambda:us-east-1:123456789012:function:Left", "arn:aws:lambda:us-east-1:123456789012:function:Right");
        assertThat(machine.arn()).isEqualTo("arn:aws:states:local:000000000000:stateMachine:nested");
    }
}
