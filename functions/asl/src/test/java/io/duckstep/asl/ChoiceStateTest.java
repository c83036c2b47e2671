package io.duckstep.asl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.duckstep.asl.TestDefinitions.json;
import static io.duckstep.asl.TestDefinitions.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each choice-*.asl.json definition guards every rule with {@code $.case}, so one input exercises one
 * operator on {@code $.value} (and {@code $.other} for the ...Path variants). "-" means absent.
 */
class ChoiceStateTest
{
    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEquals                | "m"                 | -       | matched
            StringEquals                | "n"                 | -       | not matched
            StringEquals                | 5                   | -       | not matched
            StringLessThan              | "a"                 | -       | matched
            StringLessThan              | "Z"                 | -       | matched
            StringLessThan              | "m"                 | -       | not matched
            StringGreaterThan           | "z"                 | -       | matched
            StringGreaterThan           | "m"                 | -       | not matched
            StringLessThanEquals        | "m"                 | -       | matched
            StringLessThanEquals        | "n"                 | -       | not matched
            StringGreaterThanEquals     | "m"                 | -       | matched
            StringGreaterThanEquals     | "l"                 | -       | not matched
            StringEqualsPath            | "x"                 | "x"     | matched
            StringEqualsPath            | "x"                 | "y"     | not matched
            StringLessThanPath          | "a"                 | "b"     | matched
            StringGreaterThanPath       | "a"                 | "b"     | not matched
            StringLessThanEqualsPath    | "b"                 | "b"     | matched
            StringGreaterThanEqualsPath | "c"                 | "b"     | matched
            StringMatches               | "log-2024-01.txt"   | -       | matched
            StringMatches               | "log-.txt"          | -       | matched
            StringMatches               | "log.txt"           | -       | not matched
            StringMatches               | "xlog-1.txt"        | -       | not matched
            StringMatchesEscaped        | "a*bcd"             | -       | matched
            StringMatchesEscaped        | "axbcd"             | -       | not matched
            """)
    void choose_stringOperators_matchLexically(String operator, String value, String other, String expected)
    {
        assertThat(choose("choice-string", operator, value, other)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            NumericEquals                | 10    | -    | matched
            NumericEquals                | 10.0  | -    | matched
            NumericEquals                | 11    | -    | not matched
            NumericEquals                | "10"  | -    | not matched
            NumericLessThan              | 9.5   | -    | matched
            NumericLessThan              | 10    | -    | not matched
            NumericGreaterThan           | 10.01 | -    | matched
            NumericGreaterThan           | 10    | -    | not matched
            NumericLessThanEquals        | 10    | -    | matched
            NumericLessThanEquals        | 11    | -    | not matched
            NumericGreaterThanEquals     | 10    | -    | matched
            NumericGreaterThanEquals     | 9     | -    | not matched
            NumericEqualsPath            | 3     | 3.0  | matched
            NumericLessThanPath          | 2     | 3    | matched
            NumericGreaterThanPath       | 2     | 3    | not matched
            NumericLessThanEqualsPath    | 3     | 3    | matched
            NumericGreaterThanEqualsPath | 4     | 3    | matched
            """)
    void choose_numericOperators_compareByValue(String operator, String value, String other, String expected)
    {
        assertThat(choose("choice-numeric", operator, value, other)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            BooleanEquals                  | true                          | -                          | matched
            BooleanEquals                  | false                         | -                          | not matched
            BooleanEquals                  | "true"                        | -                          | not matched
            BooleanEqualsPath              | false                         | false                      | matched
            BooleanEqualsPath              | true                          | false                      | not matched
            TimestampEquals                | "2024-01-01T13:00:00+01:00"   | -                          | matched
            TimestampEquals                | "2024-01-01T12:00:00.000Z"    | -                          | matched
            TimestampEquals                | "2024-01-01T12:00:01Z"        | -                          | not matched
            TimestampEquals                | "yesterday"                   | -                          | not matched
            TimestampLessThan              | "2023-12-31T23:59:59Z"        | -                          | matched
            TimestampLessThan              | "2024-01-01T12:00:00Z"        | -                          | not matched
            TimestampGreaterThan           | "2024-01-01T12:00:00.001Z"    | -                          | matched
            TimestampLessThanEquals        | "2024-01-01T12:00:00Z"        | -                          | matched
            TimestampGreaterThanEquals     | "2024-01-01T11:59:59Z"        | -                          | not matched
            TimestampEqualsPath            | "2024-02-02T00:00:00Z"        | "2024-02-02T00:00:00Z"     | matched
            TimestampLessThanPath          | "2024-02-01T00:00:00Z"        | "2024-02-02T00:00:00Z"     | matched
            TimestampGreaterThanPath       | "2024-02-01T00:00:00Z"        | "2024-02-02T00:00:00Z"     | not matched
            TimestampLessThanEqualsPath    | "2024-02-03T00:00:00Z"        | "2024-02-02T00:00:00Z"     | not matched
            TimestampGreaterThanEqualsPath | "2024-02-02T00:00:00Z"        | "2024-02-02T00:00:00Z"     | matched
            """)
    void choose_booleanAndTimestampOperators_compareValuesAndInstants(String operator, String value, String other, String expected)
    {
        assertThat(choose("choice-boolean-timestamp", operator, value, other)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            IsPresent    | null                     | matched
            IsPresent    | -                        | not matched
            IsNotPresent | -                        | matched
            IsNotPresent | 1                        | not matched
            IsNull       | null                     | matched
            IsNull       | 0                        | not matched
            IsString     | "x"                      | matched
            IsString     | 1                        | not matched
            IsNumeric    | 1.5                      | matched
            IsNumeric    | "1"                      | not matched
            IsBoolean    | false                    | matched
            IsBoolean    | "false"                  | not matched
            IsTimestamp  | "2016-03-14T01:59:00Z"   | matched
            IsTimestamp  | "2016-03-14"             | not matched
            IsTimestamp  | "2016-03-14t01:59:00z"   | not matched
            IsNotString  | 1                        | matched
            """)
    void choose_typeTests_checkPresenceAndType(String operator, String value, String expected)
    {
        assertThat(choose("choice-type-tests", operator, value, "-")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "n = {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -5  | OutOfRange
            101 | OutOfRange
            20  | TenOrMoreButNotFifty
            50  | Fifty
            3   | Small
            """)
    void choose_andOrNot_firstMatchingRuleWinsAndOutputPathApplies(int n, String branch)
    {
        ExecutionResult result = run("choice-combinators", "{\"data\": {\"n\": " + n + "}, \"ignored\": true}");

        assertThat(result.output()).contains(json("{\"branch\": \"" + branch + "\", \"input\": " + n + "}"));
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

    @Test
    void choose_pathOperandMatchingNothing_failsWithRuntimeError()
    {
        ExecutionResult result = run("choice-numeric", "{\"case\": \"NumericEqualsPath\", \"value\": 1}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("States.Runtime");
        assertThat(result.cause()).hasValueSatisfying(cause -> assertThat(cause).contains("$.other").contains("NumericEqualsPath"));
    }

    private static String choose(String definition, String operator, String value, String other)
    {
        StringBuilder input = new StringBuilder("{\"case\": \"").append(operator).append("\"");
        if (!value.equals("-")) {
            input.append(", \"value\": ").append(value);
        }
        if (!other.equals("-")) {
            input.append(", \"other\": ").append(other);
        }
        ExecutionResult result = run(definition, input.append("}").toString());
        assertThat(result.status()).as("execution of %s with %s", definition, input).isEqualTo(ExecutionStatus.SUCCEEDED);
        return result.output().orElseThrow().textValue();
    }
}
