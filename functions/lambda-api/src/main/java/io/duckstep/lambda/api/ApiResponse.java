package io.duckstep.lambda.api;

import io.duckstep.contract.PromptResponse;

import java.util.Map;

/**
 * An API Gateway proxy integration response.
 */
public record ApiResponse(int statusCode, Map<String, String> headers, String body)
{
    static ApiResponse json(int statusCode, String body)
    {
        return new ApiResponse(statusCode, Map.of("Content-Type", "application/json"), body);
    }

    static ApiResponse of(PromptResponse response)
    {
        return json(response.statusCode(), response.body().toString());
    }
}
