package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code States.Array}, {@code States.ArrayPartition}, {@code States.ArrayContains}, {@code States.ArrayRange},
 * {@code States.ArrayGetItem}, {@code States.ArrayLength} and {@code States.ArrayUnique}.
 */
final class ArrayIntrinsics
{
    static final int MAXIMUM_RANGE_LENGTH = 1000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ArrayIntrinsics() {}

    static JsonNode array(IntrinsicArguments arguments)
    {
        ArrayNode result = NODES.arrayNode();
        arguments.all().forEach(value -> result.add(value.deepCopy()));
        return result;
    }

    static JsonNode partition(IntrinsicArguments arguments)
    {
        ArrayNode array = arguments.array(0);
        long chunkSize = arguments.integer(1);
        if (chunkSize <= 0) {
            throw arguments.failure("the chunk size must be a positive integer but is " + chunkSize);
        }
        ArrayNode chunks = NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % chunkSize == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i).deepCopy());
        }
        return chunks;
    }

    static JsonNode contains(IntrinsicArguments arguments)
    {
        ArrayNode array = arguments.array(0);
        JsonNode wanted = arguments.value(1);
        for (JsonNode element : array) {
            if (JsonEquivalence.equivalent(element, wanted)) {
                return BooleanNode.TRUE;
            }
        }
        return BooleanNode.FALSE;
    }

    static JsonNode range(IntrinsicArguments arguments)
    {
        long start = arguments.integer(0);
        long end = arguments.integer(1);
        long step = arguments.integer(2);
        if (step == 0) {
            throw arguments.failure("the step must not be 0");
        }
        ArrayNode result = NODES.arrayNode();
        if ((step > 0 && start > end) || (step < 0 && start < end)) {
            return result;
        }
        long count = (end - start) / step + 1;
        if (count > MAXIMUM_RANGE_LENGTH) {
            throw arguments.failure("the range would have " + count + " elements; at most " + MAXIMUM_RANGE_LENGTH + " are allowed");
        }
        for (long i = 0; i < count; i++) {
            result.add(IntegerNodes.of(start + i * step));
        }
        return result;
    }

    static JsonNode getItem(IntrinsicArguments arguments)
    {
        ArrayNode array = arguments.array(0);
        long index = arguments.integer(1);
        if (index < 0 || index >= array.size()) {
            throw arguments.failure("index " + index + " is out of bounds for an array of " + array.size() + " elements");
        }
        return array.get((int) index).deepCopy();
    }

    static JsonNode length(IntrinsicArguments arguments)
    {
        return NODES.numberNode(arguments.array(0).size());
    }

    static JsonNode unique(IntrinsicArguments arguments)
    {
        ArrayNode result = NODES.arrayNode();
        for (JsonNode element : arguments.array(0)) {
            boolean seen = false;
            for (JsonNode kept : result) {
                if (JsonEquivalence.equivalent(kept, element)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                result.add(element.deepCopy());
            }
        }
        return result;
    }
}
