package io.duckstep.llm;

import java.util.List;

/**
 * The model task's result: for {@code ask}, the reply and the exchanges so far (the failure just handled
 * included); for {@code phrase}, the answer.
 */
public record ModelTaskOutput(String kind, String sql, String text, String toolCallId, String functionName, List<Exchange> exchanges, String answer) {}
