package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.path.JsonPath;
import io.duckstep.asl.path.PathWriteException;

import java.util.Optional;

/**
 * How data moves through a state: paths read from its input, {@code ResultPath} places its result
 * into its input. An empty {@code ResultPath} stands for the JSON value {@code null}.
 */
final class DataFlow
{
    private DataFlow() {}

    /**
     * {@code ResultPath}: {@code null} discards the result and passes the input on; otherwise the
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

    /**
     * Reads the path a field holds ({@code Parameters.x.$}, {@code ErrorPath}); matching nothing is a
     * {@code States.Runtime} error worded as AWS Step Functions words it.
     */
    static JsonNode readField(JsonPath path, JsonNode input, JsonNode context, String field)
    {
        return path.read(input, context)
                .orElseThrow(() -> StateFailedException.runtime("The JSONPath '" + path + "' specified for the field '" + field
                        + "' could not be found in the " + (path.root() == JsonPath.Root.INPUT ? "input" : "context object")));
    }
}
