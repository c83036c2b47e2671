package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code States.StringToJson}, {@code States.JsonToString} and {@code States.JsonMerge}.
 */
final class JsonIntrinsics
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonIntrinsics() {}

    static JsonNode stringToJson(IntrinsicArguments arguments)
    {
        String text = arguments.string(0);
        try {
            JsonNode parsed = MAPPER.readTree(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw arguments.failure("the argument is empty, not JSON text");
            }
            return parsed;
        }
        catch (JsonProcessingException e) {
            throw arguments.failure("the argument is not valid JSON text: " + e.getOriginalMessage());
        }
    }

    static JsonNode jsonToString(IntrinsicArguments arguments)
    {
        return TextNode.valueOf(arguments.value(0).toString());
    }

    /** The shallow merge: members of the second object replace members of the first with the same name. */
    static JsonNode merge(IntrinsicArguments arguments)
    {
        JsonNode first = arguments.value(0);
        JsonNode second = arguments.value(1);
        if (!first.isObject() || !second.isObject()) {
            throw arguments.failure("both objects to merge must be JSON objects");
        }
        if (arguments.bool(2)) {
            throw arguments.failure("only the shallow merge (false as the third argument) is supported");
        }
        ObjectNode merged = ((ObjectNode) first).deepCopy();
        second.properties().forEach(field -> merged.set(field.getKey(), field.getValue().deepCopy()));
        return merged;
    }
}
