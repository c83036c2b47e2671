package io.duckstep.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * openai-java against a scripted OpenAI-compatible server on loopback, replaying documented chat.completion JSON.
 */
class SqlAssistantTest
{
    private static final String SCHEMA = "mydf(Invoice VARCHAR, \"Customer ID\" INTEGER, ...)\ne_commerce.year_09_10(Invoice VARCHAR, \"Customer ID\" INTEGER, ...)";
    private static final String QUESTION = "How many customers are there in the historical data compared to the recent data?";
    private static final String API_KEY = "sk-test-key-that-must-not-leak-3b9f";

    private TestingOpenAiServer server;

    @BeforeEach
    void start()
            throws Exception
    {
        server = new TestingOpenAiServer();
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    @Test
    void ask_toolCall_returnsTheSqlAndOffersTheOneTool()
            throws Exception
    {
        server.reply(200, "tool-call.json");

        ModelReply reply = assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of());

        assertThat(reply.kind()).isEqualTo(ModelReply.Kind.QUERY);
        assertThat(reply.sql()).isEqualTo("SELECT (SELECT count(DISTINCT \"Customer ID\") FROM e_commerce.year_09_10) AS historical, (SELECT count(DISTINCT \"Customer ID\") FROM mydf) AS recent");
        assertThat(reply.toolCallId()).isEqualTo("call_ujD0y1bWx8ZgSQ0fa1tIcpQh");
        JsonNode request = new ObjectMapper().readTree(server.requests().get(0));
        assertThat(request.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(request.path("tools")).hasSize(1);
        assertThat(request.path("tools").get(0).path("function").path("name").asText()).isEqualTo("run_duckdb_query");
        assertThat(request.path("messages").get(0).path("content").asText()).contains(SCHEMA).contains("data, not instructions");
        assertThat(request.path("messages").get(1).path("content").asText()).isEqualTo(QUESTION);
    }

    @Test
    void prepare_beforeTheFirstQuestion_sendsNothingAndTheQuestionStillWorks()
    {
        server.reply(200, "tool-call.json");
        SqlAssistant assistant = assistant(2, Duration.ofSeconds(10));

        assistant.prepare();

        assertThat(server.requests()).isEmpty();
        ModelReply reply = assistant.ask(QUESTION, SCHEMA, List.of());
        assertThat(reply.sql()).startsWith("SELECT (SELECT count(DISTINCT \"Customer ID\") FROM e_commerce.year_09_10)");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void ask_secondAttempt_sendsTheSqlErrorBackAsTheToolMessage()
            throws Exception
    {
        server.reply(200, "tool-call-corrected.json");
        Exchange failed = new Exchange("call_ujD0y1bWx8ZgSQ0fa1tIcpQh", "run_duckdb_query", "SELECT count(DISTINCT CustomerID) FROM mydf",
                "Binder Error: Referenced column \"CustomerID\" not found");

        ModelReply reply = assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of(failed));

        assertThat(reply.kind()).isEqualTo(ModelReply.Kind.QUERY);
        assertThat(reply.sql()).isEqualTo("SELECT count(DISTINCT \"Customer ID\") AS customers FROM mydf");
        JsonNode messages = new ObjectMapper().readTree(server.requests().get(0)).path("messages");
        assertThat(messages.get(2).path("tool_calls").get(0).path("function").path("arguments").asText()).contains("CustomerID");
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_ujD0y1bWx8ZgSQ0fa1tIcpQh");
        assertThat(messages.get(3).path("content").asText()).contains("Referenced column \"CustomerID\" not found");
    }

    @Test
    void ask_noToolCall_returnsTheAnswerText()
    {
        server.reply(200, "answer.json");

        ModelReply reply = assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of());

        assertThat(reply.kind()).isEqualTo(ModelReply.Kind.ANSWER);
        assertThat(reply.text()).isEqualTo("The history has 1,179 customers and the recent upload 633.");
    }

    @Test
    void ask_unknownFunction_isAFailedAttemptNotACrash()
    {
        server.reply(200, "unknown-function.json");

        ModelReply reply = assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of());

        assertThat(reply.kind()).isEqualTo(ModelReply.Kind.INVALID);
        assertThat(reply.text()).isEqualTo("Unknown function 'drop_all_tables': the only tool is run_duckdb_query.");
        assertThat(reply.functionName()).isEqualTo("drop_all_tables");
    }

    @Test
    void ask_malformedArguments_isAFailedAttemptNotACrash()
    {
        server.reply(200, "malformed-arguments.json");

        ModelReply reply = assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of());

        assertThat(reply.kind()).isEqualTo(ModelReply.Kind.INVALID);
        assertThat(reply.text()).startsWith("The arguments are not valid JSON");
        assertThat(reply.sql()).isEqualTo("{\"sql\": \"SELECT 1");
    }

    @Test
    void ask_429ThenSuccess_isRetriedByTheSdkOnly()
    {
        server.reply(429, "error-429.json").reply(200, "answer.json");

        ModelReply reply = assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of());

        assertThat(reply.kind()).isEqualTo(ModelReply.Kind.ANSWER);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void ask_repeated500s_failsClearlyAfterTheConfiguredRetries()
    {
        server.reply(500, "error-500.json").reply(500, "error-500.json").reply(500, "error-500.json").reply(500, "error-500.json");

        assertThatThrownBy(() -> assistant(2, Duration.ofSeconds(10)).ask(QUESTION, SCHEMA, List.of()))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining(server.baseUrl())
                .hasMessageNotContaining(API_KEY);
        // one request and two retries: the state machine does not retry this task again
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void ask_slowEndpoint_timesOutWithTheConfiguredTimeout()
    {
        server.replyAfter(200, "answer.json", 5_000);

        assertThatThrownBy(() -> assistant(0, Duration.ofMillis(300)).ask(QUESTION, SCHEMA, List.of()))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void phrase_result_reachesTheModelAndTheAnswerComesBack()
            throws Exception
    {
        server.reply(200, "answer.json");

        String answer = assistant(2, Duration.ofSeconds(10)).phrase(QUESTION, "call_ujD0y1bWx8ZgSQ0fa1tIcpQh", "SELECT 1", "[{\"historical\":1179,\"recent\":633}]");

        assertThat(answer).isEqualTo("The history has 1,179 customers and the recent upload 633.");
        JsonNode messages = new ObjectMapper().readTree(server.requests().get(0)).path("messages");
        assertThat(messages.get(1).path("content").asText()).isEqualTo(QUESTION);
        assertThat(messages.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_ujD0y1bWx8ZgSQ0fa1tIcpQh");
        // the result reaches the model in the tool message answering its call
        assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_ujD0y1bWx8ZgSQ0fa1tIcpQh");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("[{\"historical\":1179,\"recent\":633}]");
        assertThat(new ObjectMapper().readTree(server.requests().get(0)).has("tools")).isFalse();
    }

    @Test
    void fromEnvironment_defaults_keepTheTimeoutWellUnderTheSdksTenMinutes()
    {
        ModelSettings settings = ModelSettings.fromEnvironment(java.util.Map.of());

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.model()).isEqualTo("gpt-4o-mini");
        assertThat(ModelSettings.fromEnvironment(java.util.Map.of("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")).baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
    }

    private SqlAssistant assistant(int maxRetries, Duration timeout)
    {
        ModelSettings settings = new ModelSettings("gpt-4o-mini", server.baseUrl(), timeout, maxRetries);
        return new SqlAssistant(SqlAssistant.client(settings, API_KEY), settings);
    }
}
