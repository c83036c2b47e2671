package io.duckstep.asl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * choice-operators.asl.json guards every rule with {@code $.case}, so one input exercises one
 * operator on {@code $.value}. "-" means absent.
 */
class ChoiceStateTest
{
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEquals    | "m"   | matched
            StringEquals    | "n"   | not matched
            StringEquals    | 5     | not matched
            NumericLessThan | 9.5   | matched
            NumericLessThan | 10    | not matched
            NumericLessThan | "9"   | not matched
            BooleanEquals   | true  | matched
            BooleanEquals   | false | not matched
            BooleanEquals   | "true"| not matched
            IsPresent       | null  | matched
            IsPresent       | -     | not matched
            IsNotPresent    | -     | matched
            IsNotPresent    | 1     | not matched
            """)
    void choose_operators_compareTheVariable(String operator, String value, String expected)
    {
        assertThat(choose(operator, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"n": 3, "flag": true}   | FlaggedSmall
            {"n": 3}                 | Small
            {"n": 3, "flag": false}  | Small
            {"n": 20, "flag": true}  | Large
            """)
    void choose_and_allMustHoldAndFirstMatchingRuleWins(String input, String branch)
    {
        ExecutionResult result = run("choice-and", input);

        assertThat(result.output()).contains(json("{\"branch\": \"" + branch + "\", \"input\": " + json(input).get("n") + "}"));
    }

    @Test
    void choose_noRuleMatchesAndNoDefault_failsWithNoChoiceMatched()
    {
        ExecutionResult result = run("choice-no-default", "{\"n\": 2}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.NoChoiceMatched");
    }

    @Test
    void choose_ruleMatches_takesItsNext()
    {
        ExecutionResult result = run("choice-no-default", "{\"n\": 1}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains(json("{\"n\": 1}"));
    }

    @Test
    void choose_variableMatchingNothing_failsWithRuntimeError()
    {
        ExecutionResult result = run("choice-no-default", "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("$.n"));
    }

    private static String choose(String operator, String value)
    {
        StringBuilder input = new StringBuilder("{\"case\": \"").append(operator).append("\"");
        if (!value.equals("-")) {
            input.append(", \"value\": ").append(value);
        }
        ExecutionResult result = run("choice-operators", input.append("}").toString());
        assertThat(result.status()).as("execution with %s", input).isEqualTo(ExecutionStatus.SUCCEEDED);
        return result.output().orElseThrow().get("result").textValue();
    }
}
