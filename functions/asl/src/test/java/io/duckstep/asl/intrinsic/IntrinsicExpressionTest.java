package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected values come from the AWS Step Functions documentation's examples.
 */
class IntrinsicExpressionTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"run-1\"}}");

    @Test
    void mathAdd_subtractsOneFrom111()
    {
        assertThat(evaluate("States.MathAdd($.value1, $.step)", "{\"value1\": 111, \"step\": -1}")).isEqualTo(json("110"));
    }

    @Test
    void mathAdd_nestedCallAndLiteral_addsUp()
    {
        assertThat(evaluate("States.MathAdd(States.MathAdd($.a, 1), 2)", "{\"a\": 3}")).isEqualTo(json("6"));
    }

    @Test
    void mathAdd_decimalArgument_isRoundedToAnInteger()
    {
        assertThat(evaluate("States.MathAdd($.a, 1)", "{\"a\": 1.6}")).isEqualTo(json("3"));
    }

    @Test
    void mathAdd_outOfIntegerRange_fails()
    {
        assertThatThrownBy(() -> evaluate("States.MathAdd(2147483648, 1)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("between -2147483648 and 2147483647");
    }

    @Test
    void pathArgumentMatchingNothing_fails()
    {
        assertThatThrownBy(() -> evaluate("States.MathAdd($.missing, 1)", "{}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessageContaining("'$.missing' could not be found");
    }

    @Test
    void wrongArgumentType_fails()
    {
        assertThatThrownBy(() -> evaluate("States.MathAdd($.a, 1)", "{\"a\": \"text\"}"))
                .isInstanceOf(IntrinsicFailureException.class)
                .hasMessage("States.MathAdd: argument 1 must be a number but is string");
    }

    private static JsonNode evaluate(String expression, String input)
    {
        return IntrinsicParser.parse(expression).evaluate(json(input), CONTEXT);
    }

    private static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
