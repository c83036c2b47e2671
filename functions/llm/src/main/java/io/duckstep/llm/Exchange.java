package io.duckstep.llm;

import static java.util.Objects.requireNonNull;

/**
 * One earlier attempt in the conversation, as it travels through the state machine: the query the model
 * proposed (by tool call), and what came back, a capped result or an error.
 *
 * @param toolCallId the model's id for the call
 * @param sql the arguments' SQL, or the raw arguments when they were not usable
 * @param outcome the result rows as JSON (capped), or the error message
 */
public record Exchange(String toolCallId, String functionName, String sql, String outcome)
{
    public Exchange
    {
        requireNonNull(toolCallId, "toolCallId is null");
        requireNonNull(functionName, "functionName is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(outcome, "outcome is null");
    }
}
