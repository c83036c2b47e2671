package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.duckstep.asl.path.JsonPath;
import io.duckstep.asl.path.UnsupportedPathException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicParserTest
{
    @Test
    void parse_everyArgumentKind_yieldsTheirExpressions()
    {
        assertThat(IntrinsicParser.parse("States.MathAdd('text', 42)").arguments()).containsExactly(
                new IntrinsicExpression.ValueLiteral(TextNode.valueOf("text")),
                new IntrinsicExpression.ValueLiteral(IntNode.valueOf(42)));
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.MathAdd(-1.5, true)");
        assertThat(call.function()).isEqualTo(IntrinsicFunction.MATH_ADD);
        assertThat(((IntrinsicExpression.ValueLiteral) call.arguments().get(0)).value().doubleValue()).isEqualTo(-1.5);
        assertThat(call.arguments().get(1)).isEqualTo(new IntrinsicExpression.ValueLiteral(BooleanNode.TRUE));
        assertThat(IntrinsicParser.parse("States.MathAdd(false, null)").arguments()).containsExactly(
                new IntrinsicExpression.ValueLiteral(BooleanNode.FALSE),
                new IntrinsicExpression.ValueLiteral(NullNode.getInstance()));
        assertThat(IntrinsicParser.parse("States.MathAdd($.a, $$.Execution.Name)").arguments()).containsExactly(
                new IntrinsicExpression.PathArgument(JsonPath.parse("$.a")),
                new IntrinsicExpression.PathArgument(JsonPath.parse("$$.Execution.Name")));
    }

    @Test
    void parse_escapesInString_resolvesThem()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.MathAdd('it\\'s \\{literal\\} \\\\ {}', $.x)");

        assertThat(call.arguments().get(0)).isEqualTo(new IntrinsicExpression.ValueLiteral(TextNode.valueOf("it's {literal} \\ {}")));
    }

    @Test
    void parse_commaAndParenthesisInsideQuotedPathMember_belongToThePath()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.MathAdd($['a, (b)'], $.c)");

        assertThat(call.arguments()).containsExactly(
                new IntrinsicExpression.PathArgument(JsonPath.parse("$['a, (b)']")),
                new IntrinsicExpression.PathArgument(JsonPath.parse("$.c")));
    }

    @Test
    void parse_nestedCalls_recordTheirText()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.MathAdd(States.MathAdd($.a, 1), 2)");

        IntrinsicExpression.FunctionCall inner = (IntrinsicExpression.FunctionCall) call.arguments().get(0);
        assertThat(inner.text()).isEqualTo("States.MathAdd($.a, 1)");
        assertThat(call.arguments().get(1)).isEqualTo(new IntrinsicExpression.ValueLiteral(IntNode.valueOf(2)));
    }

    @Test
    void parse_functionTheWorkflowsDoNotUse_isUnsupported()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('{}', $.a)"))
                .isInstanceOf(UnsupportedIntrinsicException.class)
                .hasMessageContaining("unsupported intrinsic function States.Format; the local runner implements States.MathAdd");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd(States.ArrayLength($.a), 1)"))
                .isInstanceOf(UnsupportedIntrinsicException.class)
                .hasMessageContaining("States.ArrayLength");
    }

    @Test
    void parse_wrongArgumentCount_isInvalid()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd($.a)"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("States.MathAdd takes exactly 2 arguments but was given 1");
    }

    @Test
    void parse_malformedInvocations_areInvalid()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd('open \\n escape', 1)"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("open escape");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd('unterminated, 1)"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd(1, 2"))
                .isInstanceOf(InvalidIntrinsicException.class);
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd(1, 2) extra"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("the end of the invocation");
        assertThatThrownBy(() -> IntrinsicParser.parse("MathAdd(1, 2)"))
                .isInstanceOf(InvalidIntrinsicException.class);
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd(,)"))
                .isInstanceOf(InvalidIntrinsicException.class);
    }

    @Test
    void parse_unsupportedPathArgument_isRefused()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd($..a, 1)"))
                .isInstanceOf(UnsupportedPathException.class);
    }
}
