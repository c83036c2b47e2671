package io.duckstep.lambda.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures standard output, where the functions' Powertools log lines and EMF metric documents go (as in Lambda),
 * until closed.
 */
public final class TestingStandardOutput
        implements AutoCloseable
{
    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private TestingStandardOutput()
    {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static TestingStandardOutput capture()
    {
        return new TestingStandardOutput();
    }

    /** The JSON lines written so far. */
    public List<String> jsonLines()
    {
        return captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{")).toList();
    }

    @Override
    public void close()
    {
        System.setOut(original);
    }
}
