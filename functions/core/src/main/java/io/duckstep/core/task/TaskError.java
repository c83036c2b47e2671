package io.duckstep.core.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.duckstep.contract.LambdaErrorCause;

/**
 * What a state machine's {@code Catch} puts at its ResultPath: {@code {"Error": ..., "Cause": ...}}.
 * For a Lambda task the cause is itself JSON, {@code {"errorMessage": ..., "errorType": ...}}.
 */
public record TaskError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause)
{
    /** The human-readable message: the Lambda {@code errorMessage} when the cause carries one, else the cause itself. */
    public String message()
    {
        if (cause == null || cause.isBlank()) {
            return error == null ? "unknown error" : error;
        }
        return LambdaErrorCause.message(cause);
    }
}
