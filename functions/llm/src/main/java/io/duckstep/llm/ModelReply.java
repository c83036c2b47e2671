package io.duckstep.llm;

/**
 * What the model did with a question.
 *
 * @param kind {@code QUERY} (it called the query tool with usable SQL), {@code ANSWER} (it answered in words),
 * or {@code INVALID} (an unknown function, or arguments that do not parse: a failed attempt, not a crash)
 * @param sql for {@code QUERY}
 * @param text the answer for {@code ANSWER}, the problem for {@code INVALID}
 * @param toolCallId the call's id, to answer it in the next turn
 * @param functionName the function the model named
 */
public record ModelReply(Kind kind, String sql, String text, String toolCallId, String functionName)
{
    public enum Kind
    {
        QUERY, ANSWER, INVALID
    }
}
