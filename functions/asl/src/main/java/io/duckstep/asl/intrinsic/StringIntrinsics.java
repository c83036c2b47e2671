package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.StringTokenizer;

/**
 * {@code States.Format} and {@code States.StringSplit}.
 */
final class StringIntrinsics
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StringIntrinsics() {}

    /**
     * Fills the template's placeholders in order. A string value is inserted as it is; any other
     * value is inserted as its JSON text.
     */
    static JsonNode format(IntrinsicArguments arguments, FormatTemplate template)
    {
        List<String> values = arguments.all().subList(1, arguments.size()).stream()
                .map(value -> value.isTextual() ? value.textValue() : value.toString())
                .toList();
        if (values.size() != template.placeholderCount()) {
            throw arguments.failure("the template has " + template.placeholderCount() + " {} placeholders but " + values.size() + " values were given");
        }
        return TextNode.valueOf(template.fill(values));
    }

    /** Splits at every occurrence of any of the delimiter characters, dropping empty pieces. */
    static JsonNode split(IntrinsicArguments arguments)
    {
        String text = arguments.string(0);
        String delimiters = arguments.string(1);
        if (delimiters.isEmpty()) {
            throw arguments.failure("the delimiter must not be empty");
        }
        ArrayNode pieces = NODES.arrayNode();
        StringTokenizer tokenizer = new StringTokenizer(text, delimiters);
        while (tokenizer.hasMoreTokens()) {
            pieces.add(tokenizer.nextToken());
        }
        return pieces;
    }
}
