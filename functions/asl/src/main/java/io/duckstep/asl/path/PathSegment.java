package io.duckstep.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * One step of a {@link JsonPath}: a field name or an array index.
 */
public sealed interface PathSegment
        permits PathSegment.Field, PathSegment.Index
{
    /** The node this step selects in {@code node}, or {@code null} when there is none. */
    JsonNode select(JsonNode node);

    /** Whether this step may appear in a reference path, which names one place to write to. */
    boolean isReference();

    /** The container this step selects in {@code parent} on the way to a write, creating a missing object member. */
    JsonNode containerForWrite(JsonNode parent, JsonPath path);

    /** Places {@code value} at this step in {@code parent}. */
    void write(JsonNode parent, JsonNode value, JsonPath path);

    /** Selects an object member by name. */
    record Field(String name)
            implements PathSegment
    {
        public Field
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public JsonNode select(JsonNode node)
        {
            return node.isObject() ? node.get(name) : null;
        }

        @Override
        public boolean isReference()
        {
            return true;
        }

        @Override
        public JsonNode containerForWrite(JsonNode parent, JsonPath path)
        {
            ObjectNode object = object(parent, path);
            JsonNode existing = object.get(name);
            if (existing == null) {
                return object.putObject(name);
            }
            if (!existing.isContainerNode()) {
                throw path.cannotWrite("below " + name + ", which is a " + JsonPath.describe(existing));
            }
            return existing;
        }

        @Override
        public void write(JsonNode parent, JsonNode value, JsonPath path)
        {
            object(parent, path).set(name, value);
        }

        private ObjectNode object(JsonNode parent, JsonPath path)
        {
            if (!(parent instanceof ObjectNode object)) {
                throw path.cannotWrite(name + " inside a " + JsonPath.describe(parent));
            }
            return object;
        }
    }

    /** Selects an array element; a negative index counts from the end. */
    record Index(int index)
            implements PathSegment
    {
        @Override
        public JsonNode select(JsonNode node)
        {
            if (!node.isArray()) {
                return null;
            }
            int resolved = index < 0 ? node.size() + index : index;
            return resolved >= 0 && resolved < node.size() ? node.get(resolved) : null;
        }

        @Override
        public boolean isReference()
        {
            return index >= 0;
        }

        @Override
        public JsonNode containerForWrite(JsonNode parent, JsonPath path)
        {
            JsonNode element = array(parent, path).get(index);
            if (!element.isContainerNode()) {
                throw path.cannotWrite("below index " + index + ", which is a " + JsonPath.describe(element));
            }
            return element;
        }

        @Override
        public void write(JsonNode parent, JsonNode value, JsonPath path)
        {
            array(parent, path).set(index, value);
        }

        private ArrayNode array(JsonNode parent, JsonPath path)
        {
            if (!(parent instanceof ArrayNode array) || index >= array.size()) {
                throw path.cannotWrite("index " + index + " inside a " + JsonPath.describe(parent));
            }
            return array;
        }
    }
}
