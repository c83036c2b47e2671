package io.duckstep.core.prompt;

/**
 * What a sandboxed query returned, capped for the model: at most the row cap, at most the character cap.
 *
 * @param json the rows as a JSON array of objects, cut to the character cap
 * @param rows how many rows are in {@code json}'s source (at most the row cap)
 * @param truncated whether rows or characters were cut
 */
public record SandboxedResult(String json, int rows, boolean truncated) {}
