package io.duckstep.asl.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * JSON value equality where numbers compare by value ({@code 1} equals {@code 1.0}).
 */
final class JsonEquivalence
{
    private JsonEquivalence() {}

    static boolean equivalent(JsonNode left, JsonNode right)
    {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (left.getNodeType() != right.getNodeType()) {
            return false;
        }
        if (left.isArray()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!equivalent(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left.isObject()) {
            if (left.size() != right.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : left.properties()) {
                JsonNode other = right.get(field.getKey());
                if (other == null || !equivalent(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return left.equals(right);
    }
}
