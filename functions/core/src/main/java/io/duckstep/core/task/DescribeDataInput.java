package io.duckstep.core.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The describe task's payload: the inputs (table name to validated Parquet location) whose schema the model is shown
 * with the warehouse's.
 */
public record DescribeDataInput(Map<String, String> inputs)
{
    public DescribeDataInput
    {
        // in the order given, as the tables are registered
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
