package io.duckstep.asl.path;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A parsed JSONPath as the Amazon States Language uses it. {@code $} paths read the state input,
 * {@code $$} paths read the context object.
 * Every path selects at most one node: wildcards and slices are not supported.
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

    private final String text;
    private final Root root;
    private final List<PathSegment> segments;

    JsonPath(String text, Root root, List<PathSegment> segments)
    {
        this.text = requireNonNull(text, "text is null");
        this.root = requireNonNull(root, "root is null");
        this.segments = List.copyOf(requireNonNull(segments, "segments is null"));
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

    /** A reference path identifies a single node of the input by member names and non-negative indexes only. */
    public boolean isReferencePath()
    {
        return root == Root.INPUT && segments.stream().allMatch(PathSegment::isReference);
    }

    /** Selects from the input ({@code $}) or the context object ({@code $$}); empty when the path matches nothing. */
    public Optional<JsonNode> read(JsonNode input, JsonNode context)
    {
        JsonNode current = root == Root.INPUT ? input : context;
        for (PathSegment segment : segments) {
            current = segment.select(current);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
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
            parent = segments.get(i).containerForWrite(parent, this);
        }
        segments.get(segments.size() - 1).write(parent, value, this);
        return copy;
    }

    PathWriteException cannotWrite(String where)
    {
        return new PathWriteException("Unable to apply the path '" + text + "': cannot place a value at " + where);
    }

    static String describe(JsonNode node)
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
