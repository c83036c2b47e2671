package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.duckstep.asl.path.JsonPath;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic function invocation such as {@code States.MathAdd($.loop.attempts, 1)} into an
 * {@link IntrinsicExpression.FunctionCall}, checking function names and argument counts.
 */
public final class IntrinsicParser
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final List<IntrinsicToken> tokens;
    private int index;

    private IntrinsicParser(String text)
    {
        this.text = text;
        this.tokens = IntrinsicTokenizer.tokenize(text);
    }

    /**
     * @throws InvalidIntrinsicException when the invocation is malformed or has the wrong number of arguments
     * @throws UnsupportedIntrinsicException when the function is not one the local runner implements
     * @throws io.duckstep.asl.path.InvalidPathException when a path argument is malformed
     * @throws io.duckstep.asl.path.UnsupportedPathException when a path argument uses an unsupported construct
     */
    public static IntrinsicExpression.FunctionCall parse(String text)
    {
        IntrinsicParser parser = new IntrinsicParser(text);
        IntrinsicToken first = parser.peek();
        if (first.type() != IntrinsicToken.Type.IDENTIFIER) {
            throw new InvalidIntrinsicException(text, "expected a function name such as States.MathAdd but found " + first.describe());
        }
        IntrinsicExpression.FunctionCall call = parser.functionCall();
        parser.expect(IntrinsicToken.Type.END);
        return call;
    }

    private IntrinsicExpression.FunctionCall functionCall()
    {
        IntrinsicToken name = expect(IntrinsicToken.Type.IDENTIFIER);
        IntrinsicFunction function = IntrinsicFunction.byName(name.text())
                .orElseThrow(() -> name.text().startsWith("States.")
                        ? new UnsupportedIntrinsicException(text, "unsupported intrinsic function " + name.text()
                                + "; the local runner implements " + IntrinsicFunction.functionNames())
                        : new InvalidIntrinsicException(text, "expected a function name such as States.MathAdd but found " + name.describe()));
        expect(IntrinsicToken.Type.OPEN_PARENTHESIS);
        List<IntrinsicExpression> arguments = new ArrayList<>();
        if (peek().type() != IntrinsicToken.Type.CLOSE_PARENTHESIS) {
            arguments.add(argument());
            while (peek().type() == IntrinsicToken.Type.COMMA) {
                index++;
                arguments.add(argument());
            }
        }
        IntrinsicToken close = expect(IntrinsicToken.Type.CLOSE_PARENTHESIS);
        if (arguments.size() != function.argumentCount()) {
            throw new InvalidIntrinsicException(text, function.functionName() + " takes exactly " + function.argumentCount() + " arguments but was given "
                    + arguments.size());
        }
        return new IntrinsicExpression.FunctionCall(function, arguments, text.substring(name.position(), close.position() + 1));
    }

    private IntrinsicExpression argument()
    {
        IntrinsicToken token = peek();
        switch (token.type()) {
            case STRING:
                index++;
                return new IntrinsicExpression.ValueLiteral(TextNode.valueOf(unescape(token.text())));
            case NUMBER:
                index++;
                return new IntrinsicExpression.ValueLiteral(number(token.text()));
            case PATH:
                index++;
                return new IntrinsicExpression.PathArgument(JsonPath.parse(token.text()));
            case IDENTIFIER:
                return switch (token.text()) {
                    case "true" -> literal(BooleanNode.TRUE);
                    case "false" -> literal(BooleanNode.FALSE);
                    case "null" -> literal(NullNode.getInstance());
                    default -> functionCall();
                };
            default:
                throw new InvalidIntrinsicException(text, "expected an argument but found " + token.describe());
        }
    }

    private IntrinsicExpression literal(JsonNode value)
    {
        index++;
        return new IntrinsicExpression.ValueLiteral(value);
    }

    private static JsonNode number(String text)
    {
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return NODES.numberNode(new BigDecimal(text).doubleValue());
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    /** Resolves the escapes the tokenizer allows in a string: a backslash before ', {, } or another backslash. */
    private static String unescape(String escaped)
    {
        StringBuilder value = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char character = escaped.charAt(i);
            if (character == '\\' && i + 1 < escaped.length()) {
                i++;
                character = escaped.charAt(i);
            }
            value.append(character);
        }
        return value.toString();
    }

    private IntrinsicToken peek()
    {
        return tokens.get(index);
    }

    private IntrinsicToken expect(IntrinsicToken.Type type)
    {
        IntrinsicToken token = peek();
        if (token.type() != type) {
            throw new InvalidIntrinsicException(text, "expected " + describe(type) + " but found " + token.describe());
        }
        index++;
        return token;
    }

    private static String describe(IntrinsicToken.Type type)
    {
        return switch (type) {
            case OPEN_PARENTHESIS -> "'('";
            case CLOSE_PARENTHESIS -> "')' or ','";
            case COMMA -> "','";
            case END -> "the end of the invocation";
            case IDENTIFIER -> "a function name";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case PATH -> "a path";
        };
    }
}
