package io.duckstep.lambda.query;

import io.duckstep.core.prompt.DataDescription;
import io.duckstep.core.prompt.DescribeDataTask;
import io.duckstep.core.task.DescribeDataInput;
import io.duckstep.lambda.support.JsonTaskHandler;

/**
 * The schema of the inputs and the warehouse, read from DuckDB, for the model: {@link DescribeDataInput} in,
 * {@link DataDescription} out.
 */
public final class DescribeDataHandler
        extends JsonTaskHandler<DescribeDataInput, DataDescription>
{
    public DescribeDataHandler()
    {
        this(QueryTasks.factory().describeData());
    }

    DescribeDataHandler(DescribeDataTask task)
    {
        super("DescribeData", DescribeDataInput.class, task::run);
    }
}
