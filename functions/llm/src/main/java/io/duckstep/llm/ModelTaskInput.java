package io.duckstep.llm;

import java.util.List;

/**
 * The model task's payload in the prompt state machine.
 *
 * @param mode {@code ask} (propose a query or answer) or {@code phrase} (answer from a result)
 * @param question the user's question
 * @param schema the tables' schema, read from DuckDB by the describe task
 * @param exchanges earlier attempts, oldest first
 * @param failure the attempt that just failed, to add to the exchanges (absent on the first ask)
 * @param toolCallId for {@code phrase}: the id of the tool call whose result is answered
 * @param sql for {@code phrase}: the query that ran
 * @param result for {@code phrase}: its capped result as JSON
 */
public record ModelTaskInput(String mode, String question, String schema, List<Exchange> exchanges, Failure failure, String toolCallId, String sql, String result)
{
    public ModelTaskInput
    {
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
    }

    /**
     * An attempt that did not produce a result: what the model proposed, and why it failed (a guard refusal, an
     * SQL error, a timeout, an unknown function or unusable arguments).
     */
    public record Failure(String toolCallId, String functionName, String sql, String error) {}
}
