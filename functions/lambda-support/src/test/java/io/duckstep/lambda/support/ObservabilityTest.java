package io.duckstep.lambda.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

class ObservabilityTest
{
    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void invocation_logLineAndMetric_areStructuredJsonAndOneEmfDocument()
            throws Exception
    {
        List<JsonNode> first = standardOutput(() -> Observability.invocation(new TestingContext(), "PrepareUpload", () -> {
            Observability.executionName("upload-sample-20261201T2101");
            LOG.info("upload validated", entry("rows", 20961));
            Observability.count("RowsValidated", 20961);
            return null;
        }));
        List<JsonNode> second = standardOutput(() -> Observability.invocation(new TestingContext(), "PrepareUpload", () -> {
            LOG.info("second invocation");
            return null;
        }));

        JsonNode line = first.stream().filter(node -> node.has("message")).findFirst().orElseThrow();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("upload validated");
        assertThat(line.path("rows").asInt()).isEqualTo(20961);
        assertThat(line.path("execution_name").asText()).isEqualTo("upload-sample-20261201T2101");
        assertThat(line.path("state").asText()).isEqualTo("PrepareUpload");
        assertThat(line.path("function_request_id").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(line.path("function_name").asText()).isEqualTo("test");
        assertThat(line.has("cold_start")).isTrue();

        JsonNode emf = first.stream().filter(node -> node.has("_aws")).findFirst().orElseThrow();
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("DuckStep");
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Name").asText()).isEqualTo("RowsValidated");
        assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
        assertThat(emf.path("RowsValidated").asDouble()).isEqualTo(20961);

        JsonNode later = second.stream().filter(node -> node.has("message")).findFirst().orElseThrow();
        assertThat(later.path("cold_start").asBoolean()).isFalse();
        assertThat(later.has("execution_name")).isFalse();
        assertThat(second).noneMatch(node -> node.has("_aws"));
    }

    private static List<JsonNode> standardOutput(Runnable action)
            throws Exception
    {
        List<String> lines;
        try (TestingStandardOutput output = TestingStandardOutput.capture()) {
            action.run();
            lines = output.jsonLines();
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
