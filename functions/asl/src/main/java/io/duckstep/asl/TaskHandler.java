package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state's {@code Resource} runs locally: typically the same code a Lambda function runs.
 * The handler receives its own copy of the task input and may keep or change it.
 *
 * <p>An exception thrown here fails the task the way AWS Lambda reports a Java exception: the
 * error name is the exception's fully-qualified class name, the cause is
 * {@code {"errorMessage": <message>, "errorType": <class name>}}. Handlers may run concurrently
 * (Parallel branches) and may be interrupted when their work is cancelled.
 */
@FunctionalInterface
public interface TaskHandler
{
    JsonNode handle(JsonNode input)
            throws Exception;
}
