package io.duckstep.lambda.query;

import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.lambda.support.JsonTaskHandler;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The query task: {@link QueryTaskInput} in, {@link QueryOutput} (a description of the Parquet result) out.
 */
public final class QueryHandler
        extends JsonTaskHandler<QueryTaskInput, QueryOutput>
{
    private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);

    public QueryHandler()
    {
        this(QueryTasks.factory().query());
    }

    QueryHandler(QueryTask task)
    {
        super("RunQueries", QueryTaskInput.class, task::run);
    }

    @Override
    protected void succeeded(QueryTaskInput input, QueryOutput result)
    {
        Observability.milliseconds("QueryMilliseconds", result.elapsedMilliseconds());
        LOG.info("query finished", entry("query", result.name()), entry("rows", result.rowCount()), entry("milliseconds", result.elapsedMilliseconds()));
    }
}
