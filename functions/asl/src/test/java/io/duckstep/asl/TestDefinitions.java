package io.duckstep.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * Loads the tiny definitions under {@code src/test/resources/definitions} and runs them with
 * recorded sleeps and a fixed clock.
 */
final class TestDefinitions
{
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123Z");
    static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestDefinitions() {}

    static String text(String resource)
    {
        try (InputStream stream = TestDefinitions.class.getResourceAsStream("/" + resource)) {
            if (stream == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text)
    {
        try {
            return MAPPER.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }

    /** Parses {@code definitions/<name>.asl.json}, with a handler available for every resource in {@code handlers}. */
    static StateMachine machine(String name, Map<String, TaskHandler> handlers)
    {
        return StateMachine.parse(name, text("definitions/" + name + ".asl.json"), Map.of(), Set.copyOf(handlers.keySet()));
    }

    static LocalStateMachineRunner.Builder runner(String name, Map<String, TaskHandler> handlers, Sleeper sleeper)
    {
        return LocalStateMachineRunner.builder()
                .stateMachine(machine(name, handlers))
                .handlers(handlers)
                .sleeper(sleeper)
                .clock(FIXED_CLOCK);
    }

    static ExecutionResult run(String name, String input)
    {
        return run(name, Map.of(), input);
    }

    static ExecutionResult run(String name, Map<String, TaskHandler> handlers, String input)
    {
        return runner(name, handlers, new RecordingSleeper()).build().execute("test-execution", json(input));
    }
}
