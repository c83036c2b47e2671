package io.duckstep.core.prompt;

/**
 * The tables a question can use, as the model is shown them: one line per table, {@code name("column" TYPE, ...)}.
 */
public record DataDescription(String schema) {}
