package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.duckstep.asl.path.JsonPath;
import io.duckstep.asl.path.UnsupportedPathException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicParserTest
{
    @Test
    void parse_everyArgumentKind_yieldsTheirExpressions()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.Array('text', 42, -1.5, true, false, null, $.a, $$.Execution.Name, States.UUID())");

        assertThat(call.function()).isEqualTo(IntrinsicFunction.ARRAY);
        List<IntrinsicExpression> arguments = call.arguments();
        assertThat(arguments).hasSize(9);
        assertThat(arguments.get(0)).isEqualTo(new IntrinsicExpression.StringLiteral("text", "text"));
        assertThat(arguments.get(1)).isEqualTo(new IntrinsicExpression.ValueLiteral(IntNode.valueOf(42)));
        assertThat(((IntrinsicExpression.ValueLiteral) arguments.get(2)).value().doubleValue()).isEqualTo(-1.5);
        assertThat(arguments.get(3)).isEqualTo(new IntrinsicExpression.ValueLiteral(BooleanNode.TRUE));
        assertThat(arguments.get(4)).isEqualTo(new IntrinsicExpression.ValueLiteral(BooleanNode.FALSE));
        assertThat(arguments.get(5)).isEqualTo(new IntrinsicExpression.ValueLiteral(NullNode.getInstance()));
        assertThat(arguments.get(6)).isEqualTo(new IntrinsicExpression.PathArgument(JsonPath.parse("$.a")));
        assertThat(arguments.get(7)).isEqualTo(new IntrinsicExpression.PathArgument(JsonPath.parse("$$.Execution.Name")));
        assertThat(((IntrinsicExpression.FunctionCall) arguments.get(8)).function()).isEqualTo(IntrinsicFunction.UUID);
    }

    @Test
    void parse_escapesInString_resolvesThemButKeepsTheWrittenText()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.Format('it\\'s \\{literal\\} \\\\ {}', $.x)");

        IntrinsicExpression.StringLiteral literal = (IntrinsicExpression.StringLiteral) call.arguments().get(0);
        assertThat(literal.value()).isEqualTo("it's {literal} \\ {}");
        assertThat(literal.escapedText()).isEqualTo("it\\'s \\{literal\\} \\\\ {}");
    }

    @Test
    void parse_commaAndParenthesisInsideQuotedPathMember_belongToThePath()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.Array($['a, (b)'], $.c)");

        assertThat(call.arguments()).containsExactly(
                new IntrinsicExpression.PathArgument(JsonPath.parse("$['a, (b)']")),
                new IntrinsicExpression.PathArgument(JsonPath.parse("$.c")));
    }

    @Test
    void parse_nestedCalls_recordTheirText()
    {
        IntrinsicExpression.FunctionCall call = IntrinsicParser.parse("States.ArrayGetItem(States.StringSplit($.arn, '/'), 2)");

        IntrinsicExpression.FunctionCall inner = (IntrinsicExpression.FunctionCall) call.arguments().get(0);
        assertThat(inner.text()).isEqualTo("States.StringSplit($.arn, '/')");
        assertThat(call.arguments().get(1)).isEqualTo(new IntrinsicExpression.ValueLiteral(IntNode.valueOf(2)));
    }

    @Test
    void parse_unknownFunction_isUnsupported()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.StringReverse($.a)"))
                .isInstanceOf(UnsupportedIntrinsicException.class)
                .hasMessageContaining("unknown intrinsic function States.StringReverse");
    }

    @Test
    void parse_wrongArgumentCount_isInvalid()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.ArrayPartition($.a)"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("States.ArrayPartition takes exactly 2 arguments but was given 1");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.UUID(1)"))
                .isInstanceOf(InvalidIntrinsicException.class);
    }

    @Test
    void parse_formatTemplateWithWrongPlaceholderCount_isInvalid()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('{} and {}', $.a)"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("2 {} placeholders but 1 values");
    }

    @Test
    void parse_deepJsonMerge_isUnsupported()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.JsonMerge($.a, $.b, true)"))
                .isInstanceOf(UnsupportedIntrinsicException.class)
                .hasMessageContaining("shallow merge");
    }

    @Test
    void parse_malformedInvocations_areInvalid()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('open \\n escape')"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("open escape");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('unterminated)"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Array(1, 2"))
                .isInstanceOf(InvalidIntrinsicException.class);
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Array(1) extra"))
                .isInstanceOf(InvalidIntrinsicException.class)
                .hasMessageContaining("the end of the invocation");
        assertThatThrownBy(() -> IntrinsicParser.parse("Format('x')"))
                .isInstanceOf(InvalidIntrinsicException.class);
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Array(,)"))
                .isInstanceOf(InvalidIntrinsicException.class);
    }

    @Test
    void parse_unsupportedPathArgument_isRefused()
    {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Array($..a)"))
                .isInstanceOf(UnsupportedPathException.class);
    }
}
