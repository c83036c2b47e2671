package io.duckstep.core.task;

import java.util.Map;

/**
 * The prompt query task's payload: the model's SQL and the inputs (table name to validated Parquet location).
 */
public record PromptQueryInput(String sql, Map<String, String> inputs)
{
    public PromptQueryInput
    {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
