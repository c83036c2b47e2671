package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.StructuredLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The query task: {@link QueryTaskInput} in, {@link QueryOutput} (a description of the Parquet result) out.
 */
public final class QueryHandler
        implements RequestStreamHandler
{
    private final QueryTask task;
    private final RunLayout layout;

    public QueryHandler()
    {
        this(QueryTasks.queryTask(QueryTasks.environment()), QueryTasks.environment().layout());
    }

    QueryHandler(QueryTask task, RunLayout layout)
    {
        this.task = requireNonNull(task, "task is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        QueryTaskInput request = LambdaJson.read(input, QueryTaskInput.class);
        QueryOutput result = task.run(request.toRequest(layout));
        StructuredLog.info(context.getLogger(), request.runId(), "query finished",
                Map.of("query", result.name(), "rows", result.rowCount(), "milliseconds", result.elapsedMilliseconds()));
        LambdaJson.write(output, result);
    }
}
