package io.duckstep.lambda.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The query task: {@link QueryTaskInput} in, {@link QueryOutput} (a description of the Parquet result) out.
 */
public final class QueryHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);

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
        Observability.invocation(context, "RunQueries", () -> {
            QueryTaskInput request = LambdaJson.read(input, QueryTaskInput.class);
            Observability.executionName(request.runId());
            QueryOutput result = task.run(request.toRequest(layout));
            Observability.milliseconds("QueryMilliseconds", result.elapsedMilliseconds());
            LOG.info("query finished", entry("query", result.name()), entry("rows", result.rowCount()), entry("milliseconds", result.elapsedMilliseconds()));
            LambdaJson.write(output, result);
        });
    }
}
