package io.duckstep.lambda.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.lambda.support.TestingContext;
import io.duckstep.lambda.support.TestingStandardOutput;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.TestingOpenAiServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelHandlerTest
{
    @Test
    void handleRequest_askPayload_returnsTheModelsQuery()
            throws Exception
    {
        try (TestingOpenAiServer model = new TestingOpenAiServer()) {
            model.reply(200, "tool-call.json");
            ModelHandler handler = new ModelHandler(() -> new ModelTask(model.assistant()));

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> logs;
            try (InputStream input = ModelHandlerTest.class.getResourceAsStream("/events/ask-model.json");
                    TestingStandardOutput standardOutput = TestingStandardOutput.capture()) {
                handler.handleRequest(input, output, new TestingContext());
                logs = standardOutput.jsonLines();
            }

            JsonNode reply = new ObjectMapper().readTree(output.toByteArray());
            assertThat(reply.path("kind").asText()).isEqualTo("QUERY");
            assertThat(reply.path("sql").asText()).contains("count(DISTINCT \"Customer ID\")");
            assertThat(reply.path("exchanges")).isEmpty();
            assertThat(logs).filteredOn(line -> line.contains("\"ModelAttempts\""))
                    .singleElement().asString().contains("\"Namespace\":\"DuckStep\"").contains("\"ModelAttempts\":1");
        }
    }
}
