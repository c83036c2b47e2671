package io.duckstep.lambda.api;

import java.util.Map;

/**
 * The parts of an API Gateway (REST, proxy integration) request event the handler reads.
 */
public record ApiRequest(String httpMethod, String resource, Map<String, String> pathParameters, String body, RequestContext requestContext)
{
    public record RequestContext(String requestId) {}
}
