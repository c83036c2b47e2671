package io.duckstep.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.lambda.support.TestingContext;
import io.duckstep.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PromptApiHandlerTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeExecutions executions = new FakeExecutions();
    private final TestingClock clock = new TestingClock();
    private final PromptApiHandler handler = new PromptApiHandler(new PromptApi(executions, "s3://duckstep-data/uploads/", Duration.ofSeconds(20), Duration.ofMillis(500), clock, clock::advance));

    @Test
    void post_questionAnsweredWithinTheWait_is200WithAnswerQueryAndAttempts()
            throws Exception
    {
        executions.script("RUNNING", "RUNNING", "SUCCEEDED");

        JsonNode response = invoke("post-prompt.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("answer").asText()).isEqualTo("The history has 1,179 customers and the recent upload 645.");
        assertThat(body.path("query").asText()).startsWith("SELECT");
        assertThat(body.path("attempts").asInt()).isEqualTo(1);
        assertThat(executions.started).containsExactly("prompt-c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(JSON.readTree(executions.inputs.get(0)).path("prompt").asText()).isEqualTo("How many customers are there in the historical data compared to the recent data?");
    }

    @Test
    void post_slowQuestion_is202WithTheIdAndGetAnswersLater()
            throws Exception
    {
        executions.script(java.util.Collections.nCopies(100, "RUNNING").toArray(String[]::new));

        JsonNode accepted = invoke("post-prompt.json");

        assertThat(accepted.path("statusCode").asInt()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.path("body").asText());
        assertThat(body.path("id").asText()).isEqualTo("prompt-c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(body.path("poll").asText()).isEqualTo("/prompt/prompt-c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        // the wait was honoured on the fake clock, not slept
        assertThat(clock.elapsed()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20));

        executions.replaceScript("SUCCEEDED");
        JsonNode answered = invoke("get-prompt.json");
        assertThat(answered.path("statusCode").asInt()).isEqualTo(200);
        assertThat(executions.started).hasSize(1);
    }

    @Test
    void post_retriedRequest_runsTheQuestionOnce()
            throws Exception
    {
        executions.script("SUCCEEDED", "SUCCEEDED");

        invoke("post-prompt.json");
        invoke("post-prompt.json");

        assertThat(executions.started).containsExactly("prompt-c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "prompt-c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(executions.runs).hasSize(1);
    }

    @Test
    void post_notJson_is400WithAClearMessage()
            throws Exception
    {
        JsonNode response = invoke("post-not-json.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText()).isEqualTo("The body is not JSON: send {\"prompt\": \"your question\"}");
        assertThat(executions.started).isEmpty();
    }

    @Test
    void post_noPrompt_is400()
            throws Exception
    {
        JsonNode response = invoke("post-no-prompt.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText()).isEqualTo("\"prompt\" is required and must be a non-empty string");
    }

    @Test
    void post_promptOverTheLimit_is400()
            throws Exception
    {
        String event = read("post-prompt.json").replace("How many customers are there in the historical data compared to the recent data?", "x".repeat(2001));

        JsonNode response = invoke(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText()).isEqualTo("\"prompt\" is longer than 2000 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s3://other-bucket/uploads/online_retail_2009-12.csv",
            "s3://duckstep-data/runs/some-run/results/sales_trends.parquet",
            "s3://duckstep-data/warehouse/warehouse.duckdb",
            "s3://duckstep-data/uploads/",
            "s3://duckstep-data/uploads/../warehouse/warehouse.duckdb",
            "s3://duckstep-data/uploads//x.csv",
            "/etc/passwd",
            "file:///etc/passwd",
            "uploads/online_retail_2009-12.csv"})
    void post_uploadOutsideTheUploadsPrefix_is400AndStartsNothing(String upload)
            throws Exception
    {
        JsonNode response = invoke(new ByteArrayInputStream(read("post-prompt-upload.json").replace("{{UPLOAD}}", upload).getBytes(StandardCharsets.UTF_8)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText()).isEqualTo("\"upload\" must be an object under s3://duckstep-data/uploads/");
        assertThat(executions.started).isEmpty();
    }

    @Test
    void post_uploadUnderTheUploadsPrefix_startsTheQuestionWithIt()
            throws Exception
    {
        executions.script("SUCCEEDED");

        JsonNode response = invoke(new ByteArrayInputStream(read("post-prompt-upload.json").replace("{{UPLOAD}}", "s3://duckstep-data/uploads/2009/december.csv")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(executions.inputs.get(0)).path("upload").asText()).isEqualTo("s3://duckstep-data/uploads/2009/december.csv");
    }

    @Test
    void get_unknownId_is404()
            throws Exception
    {
        JsonNode response = invoke("get-prompt.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
    }

    private JsonNode invoke(String event)
            throws Exception
    {
        return invoke(new ByteArrayInputStream(read(event).getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode invoke(InputStream event)
            throws Exception
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(event, output, new TestingContext());
        return JSON.readTree(output.toByteArray());
    }

    private static String read(String event)
            throws Exception
    {
        try (InputStream stream = PromptApiHandlerTest.class.getResourceAsStream("/events/" + event)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Step Functions has no emulator here: executions by name, each describe answering the next scripted status. */
    private static final class FakeExecutions
            implements PromptExecutions
    {
        private final List<String> started = new ArrayList<>();
        private final List<String> inputs = new ArrayList<>();
        private final Map<String, String> runs = new LinkedHashMap<>();
        private final Deque<String> statuses = new ArrayDeque<>();

        void script(String... next)
        {
            statuses.addAll(List.of(next));
        }

        void replaceScript(String... next)
        {
            statuses.clear();
            script(next);
        }

        @Override
        public void start(String name, String input)
        {
            started.add(name);
            inputs.add(input);
            runs.putIfAbsent(name, input);
        }

        @Override
        public Optional<Execution> describe(String name)
        {
            if (!runs.containsKey(name)) {
                return Optional.empty();
            }
            String status = statuses.isEmpty() ? "RUNNING" : statuses.poll();
            String output = "SUCCEEDED".equals(status)
                    ? "{\"answer\":\"The history has 1,179 customers and the recent upload 645.\",\"query\":\"SELECT 1\",\"attempts\":1}"
                    : null;
            return Optional.of(new Execution(status, output, null, null));
        }
    }
}
