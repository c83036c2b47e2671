package io.duckstep.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * DuckStep's mapper for openai-java against the SDK's own ({@link ObjectMappers#jsonMapper()}, with the Kotlin module):
 * the same bytes out and the same models in, on every documented completion and error the tests replay and on every
 * request shape DuckStep sends.
 */
class OpenAiJsonTest
{
    private static final JsonMapper SDK = ObjectMappers.jsonMapper();
    private static final SqlAssistant ASSISTANT = new SqlAssistant(SqlAssistant.client(ModelSettings.fromEnvironment(Map.of()), "sk-unused"),
            ModelSettings.fromEnvironment(Map.of()));

    @ParameterizedTest
    @ValueSource(strings = {"tool-call.json", "tool-call-corrected.json", "tool-call-hostile.json", "tool-call-wrong-column.json", "malformed-arguments.json",
            "unknown-function.json", "answer.json"})
    void readValue_documentedCompletion_sameModelAsTheSdkMapper(String fixture)
            throws Exception
    {
        String json = fixture(fixture);

        ChatCompletion ours = OpenAiJson.mapper().readValue(json, ChatCompletion.class);

        ChatCompletion sdks = SDK.readValue(json, ChatCompletion.class);
        assertThat(ours).isEqualTo(sdks);
        assertThat(ours.toString()).isEqualTo(sdks.toString());
        assertThat(ours.validate()).isEqualTo(sdks.validate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"error-429.json", "error-500.json"})
    void readValue_documentedError_sameValueAsTheSdkMapper(String fixture)
            throws Exception
    {
        String json = fixture(fixture);

        assertThat(OpenAiJson.mapper().readValue(json, JsonValue.class)).isEqualTo(SDK.readValue(json, JsonValue.class));
    }

    @Test
    void readValue_fieldLeftOut_isMissingNotNull()
            throws Exception
    {
        // no "usage", "system_fingerprint" or "refusal"; "content" is an explicit null
        String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";

        ChatCompletion completion = OpenAiJson.mapper().readValue(json, ChatCompletion.class);

        assertThat(completion._usage().isMissing()).isTrue();
        assertThat(completion._systemFingerprint().isMissing()).isTrue();
        assertThat(completion.choices().get(0).message()._refusal().isMissing()).isTrue();
        assertThat(completion.choices().get(0).message()._content().isNull()).isTrue();
        assertThat(completion).isEqualTo(SDK.readValue(json, ChatCompletion.class));
    }

    @Test
    void readValue_requiredFieldLeftOut_failsValidationAsWithTheSdkMapper()
            throws Exception
    {
        String json = "{\"object\":\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o-mini\",\"choices\":[]}";

        ChatCompletion ours = OpenAiJson.mapper().readValue(json, ChatCompletion.class);

        assertThatThrownBy(ours::validate).hasMessage("`id` is not set");
        assertThatThrownBy(SDK.readValue(json, ChatCompletion.class)::validate).hasMessage("`id` is not set");
    }

    @Test
    void readValue_wrongTypes_refusedWithTheSdkMappersMessage()
    {
        // a number where a string belongs, a string where a number belongs
        String json = "{\"id\":42,\"object\":\"chat.completion\",\"created\":\"yesterday\",\"model\":\"gpt-4o-mini\",\"choices\":[]}";

        Throwable ours = catchThrowable(() -> OpenAiJson.mapper().readValue(json, ChatCompletion.class).validate());

        Throwable sdks = catchThrowable(() -> SDK.readValue(json, ChatCompletion.class).validate());
        assertThat(ours).isNotNull().hasSameClassAs(sdks).hasMessage(sdks.getMessage());
    }

    @Test
    void settings_sameAsTheSdkMapper()
    {
        JsonMapper ours = OpenAiJson.mapper();

        for (MapperFeature feature : MapperFeature.values()) {
            assertThat(ours.isEnabled(feature)).as(feature.name()).isEqualTo(SDK.isEnabled(feature));
        }
        for (DeserializationFeature feature : DeserializationFeature.values()) {
            assertThat(ours.isEnabled(feature)).as(feature.name()).isEqualTo(SDK.isEnabled(feature));
        }
        for (SerializationFeature feature : SerializationFeature.values()) {
            assertThat(ours.isEnabled(feature)).as(feature.name()).isEqualTo(SDK.isEnabled(feature));
        }
        assertThat(ours.getSerializationConfig().getDefaultPropertyInclusion()).isEqualTo(SDK.getSerializationConfig().getDefaultPropertyInclusion());
        for (LogicalType type : LogicalType.values()) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                assertThat(ours.getDeserializationConfig().findCoercionAction(type, null, shape)).as(type + " from " + shape)
                        .isEqualTo(SDK.getDeserializationConfig().findCoercionAction(type, null, shape));
            }
        }
        assertThat(SDK.getRegisteredModuleIds()).containsAll(ours.getRegisteredModuleIds().stream().filter(id -> !id.equals("absent-fields-are-missing")).toList());
    }

    @Test
    void writeValue_questionRequests_sameBytesAsTheSdkMapper()
            throws Exception
    {
        List<Exchange> attempts = List.of(
                new Exchange("call_1", SqlAssistant.TOOL, "SELECT nope FROM mydf", "Binder Error: column \"nope\" not found"),
                new Exchange("call_2", "drop_all_tables", "{}", "Unknown function 'drop_all_tables'"));

        for (ChatCompletionCreateParams request : List.of(
                ASSISTANT.questionRequest("How many customers?", "mydf(\"Customer ID\" INTEGER)", List.of()),
                ASSISTANT.questionRequest("Quotes \" and \\ and \u00e9 and \u2028?", "mydf(x INTEGER)", attempts))) {
            assertThat(OpenAiJson.mapper().writeValueAsString(request._body())).isEqualTo(SDK.writeValueAsString(request._body()));
        }
    }

    @Test
    void writeValue_phrasingRequest_sameBytesAsTheSdkMapper()
            throws Exception
    {
        ChatCompletionCreateParams request = ASSISTANT.phrasingRequest("How many customers?", "call_1", "SELECT 1 AS n", "[{\"n\":1}]");

        String ours = OpenAiJson.mapper().writeValueAsString(request._body());

        assertThat(ours).isEqualTo(SDK.writeValueAsString(request._body()));
        assertThat(ours).contains("\"tool_call_id\":\"call_1\"").contains("\"role\":\"tool\"");
    }

    @Test
    void client_sendsThroughThisMapper()
            throws Exception
    {
        try (TestingOpenAiServer server = new TestingOpenAiServer()) {
            server.reply(200, "tool-call.json");
            SqlAssistant assistant = server.assistant();

            assistant.ask("How many customers?", "mydf(x INTEGER)", List.of());

            ChatCompletionCreateParams expected = assistant.questionRequest("How many customers?", "mydf(x INTEGER)", List.of());
            assertThat(server.requests()).containsExactly(SDK.writeValueAsString(expected._body()));
        }
    }

    private static String fixture(String name)
            throws IOException
    {
        try (InputStream input = OpenAiJsonTest.class.getResourceAsStream("/completions/" + name)) {
            assertThat(input).as(name).isNotNull();
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
