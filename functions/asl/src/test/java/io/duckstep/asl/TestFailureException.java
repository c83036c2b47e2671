package io.duckstep.asl;

/**
 * A project-specific exception a task handler throws, to check it is reported by its class name.
 */
public final class TestFailureException
        extends RuntimeException
{
    public TestFailureException(String message)
    {
        super(message);
    }
}
