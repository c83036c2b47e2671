package io.duckstep.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The workflow definitions: the files of {@code state-machines/}, copied unchanged into the jar at build time,
 * so the local runner interprets exactly what CDK deploys.
 */
public final class StateMachines
{
    public static final String SUMMARY = "summary";

    private StateMachines() {}

    public static String definition(String name)
    {
        String resource = "/state-machines/" + name + ".asl.json";
        try (InputStream stream = StateMachines.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalStateException("No state machine definition " + resource + " in the jar");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
