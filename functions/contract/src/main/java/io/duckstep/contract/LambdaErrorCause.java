package io.duckstep.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * The cause Step Functions records for a failed Lambda task: JSON, {@code {"errorMessage": ..., "errorType": ...}}.
 *
 * @param errorMessage the exception's message
 * @param errorType the exception's class name, or {@code null} when the cause names none
 */
public record LambdaErrorCause(String errorMessage, String errorType)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The cause, when it is a JSON object with a textual {@code errorMessage}; empty for anything else. */
    public static Optional<LambdaErrorCause> parse(String cause)
    {
        if (cause == null || cause.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode parsed = JSON.readTree(cause);
            JsonNode message = parsed == null || !parsed.isObject() ? null : parsed.get("errorMessage");
            if (message == null || !message.isTextual()) {
                return Optional.empty();
            }
            JsonNode type = parsed.get("errorType");
            return Optional.of(new LambdaErrorCause(message.asText(), type != null && type.isTextual() ? type.asText() : null));
        }
        catch (Exception notJson) {
            return Optional.empty();
        }
    }

    /** The readable message of a cause: its {@code errorMessage} when it carries one, else the cause as it is. */
    public static String message(String cause)
    {
        return parse(cause).map(LambdaErrorCause::errorMessage).orElse(cause);
    }
}
