package io.duckstep.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.asl.TaskHandler;
import io.duckstep.core.task.Task;

import static java.util.Objects.requireNonNull;

/**
 * The local runner's one adapter from a workflow task to a Task state's resource, as each Lambda function is on AWS:
 * the state's input is read as the task's input record, the task's output record is the state's result. A failure is
 * thrown as it is, so the state fails with the exception's class name, as on Lambda.
 */
final class JsonTask
{
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonTask() {}

    static <I, O> TaskHandler handler(Class<I> inputType, Task<I, O> task)
    {
        requireNonNull(inputType, "inputType is null");
        requireNonNull(task, "task is null");
        return input -> JSON.valueToTree(task.run(JSON.treeToValue(input, inputType)));
    }
}
