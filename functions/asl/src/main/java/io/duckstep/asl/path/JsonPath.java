package io.duckstep.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A parsed JSONPath as the Amazon States Language uses it. {@code $} paths read the state input,
 * {@code $$} paths read the context object.
 *
 * <p>A definite path (no wildcard, no slice) selects at most one node; an indefinite path always
 * yields an array of every node it selects, in document order.
 */
public final class JsonPath
{
    public enum Root
    {
        /** {@code $}: the state's input. */
        INPUT,
        /** {@code $$}: the context object. */
        CONTEXT,
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final Root root;
    private final List<PathSegment> segments;
    private final boolean definite;

    JsonPath(String text, Root root, List<PathSegment> segments)
    {
        this.text = requireNonNull(text, "text is null");
        this.root = requireNonNull(root, "root is null");
        this.segments = List.copyOf(requireNonNull(segments, "segments is null"));
        this.definite = this.segments.stream().allMatch(PathSegment::isDefinite);
    }

    /**
     * @throws InvalidPathException when the text is not a well-formed path
     * @throws UnsupportedPathException when the path uses a construct the local runner does not evaluate
     */
    public static JsonPath parse(String text)
    {
        requireNonNull(text, "text is null");
        return JsonPathParser.parse(text);
    }

    /** The path {@code $}: the whole input. */
    public static JsonPath wholeInput()
    {
        return new JsonPath("$", Root.INPUT, List.of());
    }

    public String text()
    {
        return text;
    }

    public Root root()
    {
        return root;
    }

    public List<PathSegment> segments()
    {
        return segments;
    }

    public boolean isDefinite()
    {
        return definite;
    }

    /** A reference path identifies a single node of the input by member names and non-negative indexes only. */
    public boolean isReferencePath()
    {
        return root == Root.INPUT && segments.stream()
                .allMatch(segment -> segment instanceof PathSegment.Field || (segment instanceof PathSegment.Index index && index.index() >= 0));
    }

    /**
     * Selects from the input ({@code $}) or the context object ({@code $$}). A definite path that
     * matches nothing yields an empty optional; an indefinite path always yields an array.
     */
    public Optional<JsonNode> read(JsonNode input, JsonNode context)
    {
        JsonNode start = root == Root.INPUT ? input : context;
        if (definite) {
            JsonNode current = start;
            for (PathSegment segment : segments) {
                current = selectOne(current, segment);
                if (current == null) {
                    return Optional.empty();
                }
            }
            return Optional.ofNullable(current);
        }
        List<JsonNode> current = List.of(start);
        for (PathSegment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                selectAll(node, segment, next);
            }
            current = next;
        }
        ArrayNode matches = NODES.arrayNode();
        current.forEach(matches::add);
        return Optional.of(matches);
    }

    /**
     * Returns a copy of {@code document} with {@code value} placed at this reference path, creating
     * missing objects on the way. The document itself is never modified.
     *
     * @throws PathWriteException when the value cannot be placed, for example below a string
     */
    public JsonNode write(JsonNode document, JsonNode value)
    {
        if (!isReferencePath()) {
            throw new IllegalStateException("Path '" + text + "' is not a reference path");
        }
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), true);
        }
        PathSegment last = segments.get(segments.size() - 1);
        if (last instanceof PathSegment.Field field) {
            if (!(parent instanceof ObjectNode object)) {
                throw cannotWrite(field.name() + " inside a " + describe(parent));
            }
            object.set(field.name(), value);
        }
        else {
            int index = ((PathSegment.Index) last).index();
            if (!(parent instanceof ArrayNode array) || index >= array.size()) {
                throw cannotWrite("index " + index + " inside a " + describe(parent));
            }
            array.set(index, value);
        }
        return copy;
    }

    private JsonNode child(JsonNode parent, PathSegment segment, boolean createObjects)
    {
        if (segment instanceof PathSegment.Field field) {
            if (!(parent instanceof ObjectNode object)) {
                throw cannotWrite(field.name() + " inside a " + describe(parent));
            }
            JsonNode existing = object.get(field.name());
            if (existing == null && createObjects) {
                return object.putObject(field.name());
            }
            if (existing == null || !existing.isContainerNode()) {
                throw cannotWrite("below " + field.name() + ", which is " + (existing == null ? "missing" : "a " + describe(existing)));
            }
            return existing;
        }
        int index = ((PathSegment.Index) segment).index();
        if (!(parent instanceof ArrayNode array) || index >= array.size()) {
            throw cannotWrite("index " + index + " inside a " + describe(parent));
        }
        JsonNode element = array.get(index);
        if (!element.isContainerNode()) {
            throw cannotWrite("below index " + index + ", which is a " + describe(element));
        }
        return element;
    }

    private PathWriteException cannotWrite(String where)
    {
        return new PathWriteException("Unable to apply the path '" + text + "': cannot place a value at " + where);
    }

    private static String describe(JsonNode node)
    {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static JsonNode selectOne(JsonNode node, PathSegment segment)
    {
        if (segment instanceof PathSegment.Field field) {
            return node.isObject() ? node.get(field.name()) : null;
        }
        int index = ((PathSegment.Index) segment).index();
        if (!node.isArray()) {
            return null;
        }
        int resolved = index < 0 ? node.size() + index : index;
        return resolved >= 0 && resolved < node.size() ? node.get(resolved) : null;
    }

    private static void selectAll(JsonNode node, PathSegment segment, List<JsonNode> matches)
    {
        if (segment instanceof PathSegment.Wildcard) {
            if (node.isContainerNode()) {
                Iterator<JsonNode> elements = node.elements();
                elements.forEachRemaining(matches::add);
            }
        }
        else if (segment instanceof PathSegment.Slice slice) {
            if (node.isArray()) {
                int size = node.size();
                int start = clamp(slice.start().orElse(0), size);
                int end = clamp(slice.end().orElse(size), size);
                for (int i = start; i < end; i++) {
                    matches.add(node.get(i));
                }
            }
        }
        else {
            JsonNode selected = selectOne(node, segment);
            if (selected != null) {
                matches.add(selected);
            }
        }
    }

    private static int clamp(int bound, int size)
    {
        int resolved = bound < 0 ? size + bound : bound;
        return Math.max(0, Math.min(size, resolved));
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode()
    {
        return text.hashCode();
    }

    @Override
    public String toString()
    {
        return text;
    }
}
