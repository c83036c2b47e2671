package io.duckstep.core.task;

import io.duckstep.core.query.QueryRequest;
import io.duckstep.core.query.RunLayout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The query task's payload in a state machine: which query (a packaged name or SQL text), over which
 * inputs, for which run. The result location follows from the run: {@code <root>/<runId>/results/<query>.parquet}.
 */
public record QueryTaskInput(String runId, String query, String sql, Map<String, String> inputs, List<Object> parameters)
{
    public QueryTaskInput
    {
        requireNonNull(runId, "runId is null");
        inputs = inputs == null ? Map.of() : inputs;
        parameters = parameters == null ? List.of() : parameters;
    }

    public QueryRequest toRequest(RunLayout layout)
    {
        QueryRequest request = new QueryRequest(Optional.ofNullable(query), Optional.ofNullable(sql), inputs, parameters, "pending");
        return new QueryRequest(request.queryName(), request.sql(), inputs, parameters, layout.result(runId, request.displayName()));
    }
}
