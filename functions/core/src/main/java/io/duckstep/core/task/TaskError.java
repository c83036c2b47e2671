package io.duckstep.core.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a state machine's {@code Catch} puts at its ResultPath: {@code {"Error": ..., "Cause": ...}}.
 * For a Lambda task the cause is itself JSON, {@code {"errorMessage": ..., "errorType": ...}}.
 */
public record TaskError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The human-readable message: the Lambda {@code errorMessage} when the cause carries one, else the cause itself. */
    public String message()
    {
        if (cause == null || cause.isBlank()) {
            return error == null ? "unknown error" : error;
        }
        try {
            JsonNode parsed = JSON.readTree(cause);
            JsonNode message = parsed == null ? null : parsed.get("errorMessage");
            return message != null && message.isTextual() ? message.asText() : cause;
        }
        catch (Exception notJson) {
            return cause;
        }
    }
}
