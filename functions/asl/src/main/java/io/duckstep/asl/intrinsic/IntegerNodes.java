package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * Integer results in the same node type JSON parsing gives them: an int when it fits, else a long.
 */
final class IntegerNodes
{
    private IntegerNodes() {}

    static JsonNode of(long value)
    {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }
}
