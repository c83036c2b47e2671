package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.path.JsonPath;
import io.duckstep.asl.path.PathWriteException;

import java.util.Optional;

/**
 * The path fields that move data through a state: {@code InputPath} selects the effective input,
 * {@code ResultPath} places the result into the state's raw input, {@code OutputPath} selects the output.
 * An empty path stands for the JSON value {@code null}.
 */
final class DataFlow
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DataFlow() {}

    /** {@code InputPath}: {@code null} gives {@code {}}; a path that matches nothing is a {@code States.Runtime} error. */
    static JsonNode inputPath(Optional<JsonPath> path, JsonNode rawInput, JsonNode context)
    {
        return path.isEmpty() ? NODES.objectNode() : read(path.get(), rawInput, context, "InputPath");
    }

    /** {@code OutputPath}: {@code null} gives {@code {}}; a path that matches nothing is a {@code States.Runtime} error. */
    static JsonNode outputPath(Optional<JsonPath> path, JsonNode value, JsonNode context)
    {
        return path.isEmpty() ? NODES.objectNode() : read(path.get(), value, context, "OutputPath");
    }

    /**
     * {@code ResultPath}: {@code null} discards the result and passes the raw input on; otherwise the
     * result replaces the input ({@code $}) or is placed inside a copy of it, creating missing objects.
     */
    static JsonNode resultPath(Optional<JsonPath> path, JsonNode rawInput, JsonNode result)
    {
        if (path.isEmpty()) {
            return rawInput;
        }
        try {
            return path.get().write(rawInput, result);
        }
        catch (PathWriteException e) {
            throw new StateFailedException(ErrorNames.RESULT_PATH_MATCH_FAILURE, e.getMessage());
        }
    }

    /** Reads a path some field names; matching nothing is a {@code States.Runtime} error naming the field. */
    static JsonNode read(JsonPath path, JsonNode input, JsonNode context, String field)
    {
        return path.read(input, context)
                .orElseThrow(() -> StateFailedException.runtime("Invalid path '" + path + "' in " + field + ": it matches nothing in the "
                        + (path.root() == JsonPath.Root.INPUT ? "state input" : "context object")));
    }
}
