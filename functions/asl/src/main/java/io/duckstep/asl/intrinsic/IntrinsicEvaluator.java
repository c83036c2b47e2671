package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.duckstep.asl.path.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates a parsed intrinsic function call against a state's input and the context object.
 */
public final class IntrinsicEvaluator
{
    private final RandomGenerator random;

    /**
     * @param random used by {@code States.MathRandom} without a seed
     */
    public IntrinsicEvaluator(RandomGenerator random)
    {
        this.random = requireNonNull(random, "random is null");
    }

    /**
     * @throws IntrinsicFailureException when an argument's path matches nothing or a function rejects its arguments
     */
    public JsonNode evaluate(IntrinsicExpression.FunctionCall call, JsonNode input, JsonNode context)
    {
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (IntrinsicExpression argument : call.arguments()) {
            values.add(evaluateArgument(call, argument, input, context));
        }
        IntrinsicArguments arguments = new IntrinsicArguments(call.function(), values);
        return switch (call.function()) {
            case FORMAT -> StringIntrinsics.format(arguments, formatTemplate(call, arguments));
            case STRING_TO_JSON -> JsonIntrinsics.stringToJson(arguments);
            case JSON_TO_STRING -> JsonIntrinsics.jsonToString(arguments);
            case ARRAY -> ArrayIntrinsics.array(arguments);
            case ARRAY_PARTITION -> ArrayIntrinsics.partition(arguments);
            case ARRAY_CONTAINS -> ArrayIntrinsics.contains(arguments);
            case ARRAY_RANGE -> ArrayIntrinsics.range(arguments);
            case ARRAY_GET_ITEM -> ArrayIntrinsics.getItem(arguments);
            case ARRAY_LENGTH -> ArrayIntrinsics.length(arguments);
            case ARRAY_UNIQUE -> ArrayIntrinsics.unique(arguments);
            case BASE64_ENCODE -> EncodingIntrinsics.base64Encode(arguments);
            case BASE64_DECODE -> EncodingIntrinsics.base64Decode(arguments);
            case HASH -> EncodingIntrinsics.hash(arguments);
            case JSON_MERGE -> JsonIntrinsics.merge(arguments);
            case MATH_RANDOM -> MathIntrinsics.random(arguments, random);
            case MATH_ADD -> MathIntrinsics.add(arguments);
            case STRING_SPLIT -> StringIntrinsics.split(arguments);
            case UUID -> TextNode.valueOf(UUID.randomUUID().toString());
        };
    }

    private JsonNode evaluateArgument(IntrinsicExpression.FunctionCall call, IntrinsicExpression argument, JsonNode input, JsonNode context)
    {
        if (argument instanceof IntrinsicExpression.StringLiteral string) {
            return TextNode.valueOf(string.value());
        }
        if (argument instanceof IntrinsicExpression.ValueLiteral literal) {
            return literal.value();
        }
        if (argument instanceof IntrinsicExpression.PathArgument path) {
            return path.path().read(input, context)
                    .orElseThrow(() -> new IntrinsicFailureException(call.function().functionName(),
                            "the path '" + path.path() + "' could not be found in the " + (path.path().root() == JsonPath.Root.INPUT ? "input" : "context object")));
        }
        return evaluate((IntrinsicExpression.FunctionCall) argument, input, context);
    }

    private static FormatTemplate formatTemplate(IntrinsicExpression.FunctionCall call, IntrinsicArguments arguments)
    {
        if (call.arguments().get(0) instanceof IntrinsicExpression.StringLiteral literal) {
            return FormatTemplate.parse(literal.escapedText());
        }
        return FormatTemplate.parse(arguments.string(0));
    }
}
