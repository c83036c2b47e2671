package io.duckstep.asl.definition;

/**
 * A retrier's {@code JitterStrategy}.
 */
public enum JitterStrategy
{
    /** Each delay is a random duration between zero and the computed backoff. */
    FULL,
    /** Each delay is the computed backoff. */
    NONE,
}
