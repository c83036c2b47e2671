package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.duckstep.asl.path.JsonPath;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic function invocation such as {@code States.Format('{} items', States.ArrayLength($.items))}
 * into an {@link IntrinsicExpression.FunctionCall}, checking function names and argument counts.
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
            throw new InvalidIntrinsicException(text, "expected a function name such as States.Format but found " + first.describe());
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
                        ? new UnsupportedIntrinsicException(text, "unknown intrinsic function " + name.text())
                        : new InvalidIntrinsicException(text, "expected a function name such as States.Format but found " + name.describe()));
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
        if (!function.acceptsArgumentCount(arguments.size())) {
            throw new InvalidIntrinsicException(text, function.functionName() + " takes " + function.describeArity() + " but was given " + arguments.size());
        }
        String callText = text.substring(name.position(), close.position() + 1);
        checkLiteralArguments(function, arguments, callText);
        return new IntrinsicExpression.FunctionCall(function, arguments, callText);
    }

    private IntrinsicExpression argument()
    {
        IntrinsicToken token = peek();
        switch (token.type()) {
            case STRING:
                index++;
                return new IntrinsicExpression.StringLiteral(FormatTemplate.unescape(token.text()), token.text());
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

    private void checkLiteralArguments(IntrinsicFunction function, List<IntrinsicExpression> arguments, String callText)
    {
        if (function == IntrinsicFunction.FORMAT && arguments.get(0) instanceof IntrinsicExpression.StringLiteral template) {
            int placeholders = FormatTemplate.parse(template.escapedText()).placeholderCount();
            if (placeholders != arguments.size() - 1) {
                throw new InvalidIntrinsicException(callText, "the template has " + placeholders + " {} placeholders but " + (arguments.size() - 1) + " values follow it");
            }
        }
        if (function == IntrinsicFunction.JSON_MERGE
                && arguments.get(2) instanceof IntrinsicExpression.ValueLiteral deep
                && deep.value().isBoolean() && deep.value().booleanValue()) {
            throw new UnsupportedIntrinsicException(callText, "only the shallow merge (false as the third argument) is supported, as in AWS Step Functions");
        }
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
