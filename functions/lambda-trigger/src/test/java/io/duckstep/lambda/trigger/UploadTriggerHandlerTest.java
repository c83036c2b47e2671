package io.duckstep.lambda.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.lambda.support.TestingContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTriggerHandlerTest
{
    @Test
    void handleRequest_uploadEvent_startsOneExecutionWithTheUploadAsInput()
            throws Exception
    {
        FakeStepFunctions stepFunctions = new FakeStepFunctions();

        JsonNode result = invoke(new UploadTriggerHandler(new UploadTrigger("uploads/", stepFunctions)), "s3-object-created.json");

        assertThat(result.path("started").asBoolean()).isTrue();
        assertThat(stepFunctions.executions).hasSize(1);
        String name = stepFunctions.executions.keySet().iterator().next();
        assertThat(name).matches("upload-online_retail_2009-12-[0-9a-f]{24}").hasSizeLessThanOrEqualTo(80);
        assertThat(new ObjectMapper().readTree(stepFunctions.executions.get(name)).path("upload").asText())
                .isEqualTo("s3://duckstep-data/uploads/online_retail_2009-12.csv");
    }

    @Test
    void handleRequest_duplicateEvent_startsNothingNewAndSucceeds()
            throws Exception
    {
        FakeStepFunctions stepFunctions = new FakeStepFunctions();
        UploadTriggerHandler handler = new UploadTriggerHandler(new UploadTrigger("uploads/", stepFunctions));

        JsonNode first = invoke(handler, "s3-object-created.json");
        JsonNode second = invoke(handler, "s3-object-created.json");

        assertThat(first.path("started").asBoolean()).isTrue();
        assertThat(second.path("started").asBoolean()).isFalse();
        assertThat(second.path("reason").asText()).isEqualTo("already started");
        assertThat(second.path("executionName").asText()).isEqualTo(first.path("executionName").asText());
        assertThat(stepFunctions.attempts).hasSize(2);
        assertThat(stepFunctions.executions).hasSize(1);
    }

    @Test
    void handleRequest_objectOutsideUploads_isIgnored()
            throws Exception
    {
        FakeStepFunctions stepFunctions = new FakeStepFunctions();

        JsonNode result = invoke(new UploadTriggerHandler(new UploadTrigger("uploads/", stepFunctions)), "s3-object-created-elsewhere.json");

        assertThat(result.path("started").asBoolean()).isFalse();
        assertThat(result.path("reason").asText()).isEqualTo("ignored: not under uploads/");
        assertThat(stepFunctions.attempts).isEmpty();
    }

    @Test
    void executionName_newVersionOfTheSameKey_isANewExecution()
    {
        assertThat(UploadTrigger.executionName("b", "uploads/a.csv", "v1")).isNotEqualTo(UploadTrigger.executionName("b", "uploads/a.csv", "v2"));
        assertThat(UploadTrigger.executionName("b", "uploads/a.csv", "v1")).isEqualTo(UploadTrigger.executionName("b", "uploads/a.csv", "v1"));
    }

    @Test
    void executionName_longOddFileName_staysWithinStepFunctionsRules()
    {
        String name = UploadTrigger.executionName("b", "uploads/" + "très long nom de fichier avec espaces ".repeat(5) + ".csv", "e");

        assertThat(name).matches("[A-Za-z0-9_-]{1,80}");
    }

    @Test
    void keyPrefix_s3Prefix_isItsKeyPart()
    {
        assertThat(UploadTrigger.keyPrefix("s3://duckstep-data/uploads/")).isEqualTo("uploads/");
        assertThat(UploadTrigger.keyPrefix("uploads/")).isEqualTo("uploads/");
    }

    private static JsonNode invoke(UploadTriggerHandler handler, String event)
            throws Exception
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream input = UploadTriggerHandlerTest.class.getResourceAsStream("/events/" + event)) {
            handler.handleRequest(input, output, new TestingContext());
        }
        return new ObjectMapper().readTree(output.toByteArray());
    }

    /** Step Functions has no emulator here: a hand-written fake that refuses a second execution of one name, as the service does. */
    private static final class FakeStepFunctions
            implements ExecutionStarter
    {
        private final Map<String, String> executions = new LinkedHashMap<>();
        private final List<String> attempts = new ArrayList<>();

        @Override
        public boolean start(String executionName, String input)
        {
            attempts.add(executionName);
            return executions.putIfAbsent(executionName, input) == null;
        }
    }
}
