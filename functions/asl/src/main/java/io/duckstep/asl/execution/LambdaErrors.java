package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns an exception thrown by a task handler into the error AWS Lambda reports for a Java
 * exception: the error name is the exception's fully-qualified class name and the cause is
 * {@code {"errorMessage": <message>, "errorType": <class name>}} (without the stack trace).
 */
final class LambdaErrors
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LambdaErrors() {}

    static StateFailedException toFailure(Throwable throwable)
    {
        String errorType = throwable.getClass().getName();
        ObjectNode cause = NODES.objectNode();
        cause.put("errorMessage", throwable.getMessage());
        cause.put("errorType", errorType);
        return new StateFailedException(errorType, cause.toString());
    }
}
