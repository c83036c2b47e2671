package io.duckstep.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.Params;
import com.openai.errors.OpenAIException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The model's side of the prompt workflow, through openai-java: ask for a query (offering one tool,
 * {@value #TOOL}), and phrase an answer from a result. Each call is one request; what the earlier attempts were
 * travels in the state machine as {@link Exchange}s, so every step is visible there.
 */
public final class SqlAssistant
{
    public static final String TOOL = "run_duckdb_query";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAIClient client;
    private final ModelSettings settings;

    /** A completion in the documented shape, read once by {@link #prepare()}. */
    private static final String PREPARE_COMPLETION = "{\"id\":\"chatcmpl-prepare\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"prepare\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"tool_calls\":[{\"id\":\"call_prepare\","
            + "\"type\":\"function\",\"function\":{\"name\":\"prepare\",\"arguments\":\"{}\"}}]},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]}";

    public SqlAssistant(OpenAIClient client, ModelSettings settings)
    {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** A client for the settings; the key is handed to the SDK only, never logged or put in a message. */
    public static OpenAIClient client(ModelSettings settings, String apiKey)
    {
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(settings.baseUrl())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .jsonMapper(OpenAiJson.mapper())
                .build();
    }

    /**
     * Does now the one-time work openai-java does on its first request, so that a caller can do it while something
     * else runs: preparing a request reads the parameters' Kotlin metadata by reflection, and writing a request and
     * reading a completion build the JSON mapping of each model class, together 0.3 to 0.4 s on a cold JVM.
     * Sends nothing. Best effort: a failure here is left for the first real request to report.
     */
    public void prepare()
    {
        try {
            // shaped like a second attempt: the tool, an earlier tool call and its outcome
            ChatCompletionCreateParams params = questionRequest("prepare", "prepare", List.of(new Exchange("call_prepare", TOOL, "SELECT 1", "prepare")));
            // what every request goes through first (com.openai.core.PrepareRequest, hidden from Java callers), then its body as JSON
            Class.forName("com.openai.core.PrepareRequest").getMethod("modelNameOrNull", Params.class).invoke(null, params);
            OpenAiJson.mapper().writeValueAsBytes(params._body());
            OpenAiJson.mapper().readValue(PREPARE_COMPLETION, ChatCompletion.class).validate();
        }
        catch (ReflectiveOperationException | IOException | RuntimeException e) {
            // nothing was prepared; the first request does it
        }
    }

    /**
     * Asks the model for the next step on a question, given the schema and the earlier attempts.
     *
     * @throws ModelUnavailableException when the endpoint fails after the SDK's retries, or times out
     */
    public ModelReply ask(String question, String schema, List<Exchange> earlierAttempts)
    {
        ChatCompletionMessage message = complete(questionRequest(question, schema, earlierAttempts));
        List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
        if (calls.isEmpty()) {
            return new ModelReply(ModelReply.Kind.ANSWER, null, message.content().orElse(""), null, null);
        }
        ChatCompletionMessageToolCall call = calls.get(0);
        if (!call.isFunction()) {
            return new ModelReply(ModelReply.Kind.INVALID, null, "Only the function " + TOOL + " can be called.", "custom-call", "custom");
        }
        ChatCompletionMessageFunctionToolCall function = call.asFunction();
        String name = function.function().name();
        String rawArguments = function.function().arguments();
        if (!name.equals(TOOL)) {
            return new ModelReply(ModelReply.Kind.INVALID, rawArguments, "Unknown function '" + name + "': the only tool is " + TOOL + ".", function.id(), name);
        }
        try {
            JsonNode arguments = JSON.readTree(rawArguments);
            JsonNode sql = arguments == null ? null : arguments.get("sql");
            if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
                return new ModelReply(ModelReply.Kind.INVALID, rawArguments, "The arguments must be a JSON object with a non-empty string field \"sql\".", function.id(), name);
            }
            return new ModelReply(ModelReply.Kind.QUERY, sql.asText(), null, function.id(), name);
        }
        catch (Exception e) {
            return new ModelReply(ModelReply.Kind.INVALID, rawArguments, "The arguments are not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), function.id(), name);
        }
    }

    /**
     * Asks the model to phrase the answer: the conversation is the question, the model's own tool call, and the
     * tool message carrying the (capped) result, as function calling defines it.
     */
    public String phrase(String question, String toolCallId, String sql, String result)
    {
        ChatCompletionMessage message = complete(phrasingRequest(question, toolCallId, sql, result));
        return message.content().orElse("").strip();
    }

    /** The request for the next step on a question: the schema, the question, the one tool, and the earlier attempts. */
    ChatCompletionCreateParams questionRequest(String question, String schema, List<Exchange> earlierAttempts)
    {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(PromptContext.systemPrompt(schema))
                .addUserMessage(question)
                .addTool(queryTool());
        for (Exchange exchange : earlierAttempts) {
            params.addMessage(ChatCompletionAssistantMessageParam.builder()
                    .addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                            .id(exchange.toolCallId())
                            .function(ChatCompletionMessageFunctionToolCall.Function.builder().name(exchange.functionName()).arguments(arguments(exchange.sql())).build())
                            .build())
                    .build());
            params.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(exchange.toolCallId()).content(exchange.outcome()).build());
        }
        return params.build();
    }

    /** The request to phrase the answer from a result. */
    ChatCompletionCreateParams phrasingRequest(String question, String toolCallId, String sql, String result)
    {
        return ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addSystemMessage(PromptContext.phrasingPrompt())
                .addUserMessage(question)
                .addMessage(ChatCompletionAssistantMessageParam.builder()
                        .addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                                .id(toolCallId)
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder().name(TOOL).arguments(arguments(sql)).build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(toolCallId).content(result).build())
                .build();
    }

    private ChatCompletionMessage complete(ChatCompletionCreateParams params)
    {
        try {
            ChatCompletion completion = client.chat().completions().create(params);
            if (completion.choices().isEmpty()) {
                throw new ModelUnavailableException("The model returned no choice", null);
            }
            return completion.choices().get(0).message();
        }
        catch (OpenAIException e) {
            throw new ModelUnavailableException("The model endpoint " + settings.baseUrl() + " failed: " + e.getClass().getSimpleName()
                    + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message)
    {
        return message == null ? "" : ": " + message.lines().findFirst().orElse("");
    }

    private static String arguments(String sql)
    {
        try {
            return JSON.writeValueAsString(Map.of("sql", sql));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChatCompletionFunctionTool queryTool()
    {
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(TOOL)
                        .description("Run one read-only DuckDB SELECT over mydf (the recent upload) and e_commerce.year_09_10 (the history); returns at most 50 rows as JSON.")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of("sql", Map.of("type", "string", "description", "exactly one DuckDB SELECT statement"))))
                                .putAdditionalProperty("required", JsonValue.from(List.of("sql")))
                                .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                                .build())
                        .build())
                .build();
    }
}
