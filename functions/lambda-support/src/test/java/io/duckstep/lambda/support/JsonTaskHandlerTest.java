package io.duckstep.lambda.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The one adapter every task's Lambda function is: a payload (src/test/resources/events/) in, the task's record out.
 */
class JsonTaskHandlerTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handleRequest_taskPayload_writesTheTaskOutputAsJson()
            throws Exception
    {
        GreetHandler handler = new GreetHandler(input -> new Greeting("Hello, " + input.name()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> logs;
        try (TestingStandardOutput standardOutput = TestingStandardOutput.capture()) {
            handler.handleRequest(event("greet.json", "Ada"), output, new TestingContext());
            logs = standardOutput.jsonLines();
        }

        assertThat(JSON.readTree(output.toByteArray())).isEqualTo(JSON.readTree("{\"greeting\": \"Hello, Ada\"}"));
        // the run id names the execution on the handler's log lines, under the state it serves
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"message\":\"greeted\"").contains("\"name\":\"Ada\"")
                .contains("\"execution_name\":\"duckstep-upload-2c1f0a9e\"").contains("\"state\":\"Greet\""));
        assertThat(handler.failures).isEmpty();
    }

    @Test
    void handleRequest_taskFails_throwsTheTaskExceptionAsItIs()
    {
        GreetHandler handler = new GreetHandler(input -> {
            throw new GreetingRefusedException("no greeting for " + input.name());
        });

        // Lambda reports the class name, which a state machine's Catch matches
        assertThatThrownBy(() -> handler.handleRequest(event("greet.json", "Bob"), new ByteArrayOutputStream(), new TestingContext()))
                .isExactlyInstanceOf(GreetingRefusedException.class)
                .hasMessage("no greeting for Bob");
        assertThat(handler.failures).containsExactly("Bob: no greeting for Bob");
    }

    @Test
    void handleRequest_payloadWithoutTheInput_throwsInvalidPayload()
    {
        GreetHandler handler = new GreetHandler(input -> new Greeting("Hello, " + input.name()));

        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream("{\"runId\": \"run-1\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), new TestingContext()))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid Greet payload: ")
                .hasMessageContaining("name is null");
    }

    private static InputStream event(String name, String value)
            throws Exception
    {
        try (InputStream stream = JsonTaskHandlerTest.class.getResourceAsStream("/events/" + name)) {
            String json = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new ByteArrayInputStream(json.replace("{{NAME}}", value).getBytes(StandardCharsets.UTF_8));
        }
    }

    record Greet(String runId, String name)
    {
        Greet
        {
            requireNonNull(name, "name is null");
        }
    }

    record Greeting(String greeting) {}

    static final class GreetingRefusedException
            extends RuntimeException
    {
        GreetingRefusedException(String message)
        {
            super(message);
        }
    }

    /** A handler as the task packages write them: its state, its input type, its task and what it logs. */
    static final class GreetHandler
            extends JsonTaskHandler<Greet, Greeting>
    {
        private static final Logger LOG = LoggerFactory.getLogger(GreetHandler.class);

        private final List<String> failures = new CopyOnWriteArrayList<>();

        GreetHandler(Function<Greet, Greeting> task)
        {
            super("Greet", Greet.class, task);
        }

        @Override
        protected void succeeded(Greet input, Greeting output)
        {
            LOG.info("greeted", entry("name", input.name()));
        }

        @Override
        protected void failed(Greet input, RuntimeException failure)
        {
            failures.add(input.name() + ": " + failure.getMessage());
        }
    }
}
