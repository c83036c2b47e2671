package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.core.prompt.DataDescription;
import io.duckstep.core.prompt.DescribeDataTask;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The schema of the inputs and the warehouse, read from DuckDB, for the model: {@code {"inputs": {...}}} in,
 * {@link DataDescription} out.
 */
public final class DescribeDataHandler
        implements RequestStreamHandler
{
    private final DescribeDataTask task;

    public DescribeDataHandler()
    {
        this(QueryTasks.describeDataTask(QueryTasks.environment()));
    }

    DescribeDataHandler(DescribeDataTask task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "DescribeData", () -> {
            JsonNode request = Observability.request(input, JsonNode.class);
            Map<String, String> inputs = new LinkedHashMap<>();
            request.path("inputs").fields().forEachRemaining(entry -> inputs.put(entry.getKey(), entry.getValue().asText()));
            LambdaJson.write(output, task.run(inputs));
        });
    }
}
