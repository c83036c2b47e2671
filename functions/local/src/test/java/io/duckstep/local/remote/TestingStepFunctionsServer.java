package io.duckstep.local.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step Functions in its real JSON protocol (awsJson1_0: POST / with {@code X-Amz-Target: AWSStepFunctions.<Operation>})
 * replaying recorded executions (src/test/resources/remote/*.json, with {@code ${name}}, {@code ${bucket}},
 * {@code ${file}} and {@code ${size}} filled in): StartExecution, DescribeExecution (RUNNING for the first call, then
 * the recorded end), GetExecutionHistory (half the events while running) and ListExecutions. An execution another
 * party starts (the upload trigger) is registered with {@link #expect}; it exists only from the second
 * DescribeExecution on, as one the trigger starts a moment after the upload.
 */
public final class TestingStepFunctionsServer
        extends TestingHttpServer
{
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, String> onStart = new ConcurrentHashMap<>();
    private final List<String> operations = new ArrayList<>();
    private final Map<String, java.util.function.BiConsumer<String, String>> started = new ConcurrentHashMap<>();

    private static final class Execution
    {
        final String arn;
        final String stateMachineArn;
        final String name;
        final JsonNode recording;
        int describes;
        int misses;

        Execution(String arn, String stateMachineArn, String name, JsonNode recording, int misses)
        {
            this.arn = arn;
            this.stateMachineArn = stateMachineArn;
            this.name = name;
            this.recording = recording;
            this.misses = misses;
        }

        boolean running()
        {
            return describes < 2;
        }
    }

    /** An execution the trigger will start, replaying a recording. */
    public void expect(String stateMachineArn, String name, String recording, Map<String, String> values)
    {
        String arn = ExecutionFollowerArns.arn(stateMachineArn, name);
        executions.put(arn, new Execution(arn, stateMachineArn, name, load(recording, name, values), 1));
    }

    /** An execution that already ran. */
    public void recorded(String stateMachineArn, String name, String recording, Map<String, String> values)
    {
        String arn = ExecutionFollowerArns.arn(stateMachineArn, name);
        Execution execution = new Execution(arn, stateMachineArn, name, load(recording, name, values), 0);
        execution.describes = 2;
        executions.put(arn, execution);
    }

    /** What StartExecution on a state machine replays; {@code started} hears the execution's name and input (to write what its functions would). */
    public void onStart(String stateMachineArn, String recording, Map<String, String> values, java.util.function.BiConsumer<String, String> started)
    {
        onStart.put(stateMachineArn, recording + "\n" + JSON.valueToTree(values));
        this.started.put(stateMachineArn, started);
    }

    public synchronized List<String> operations()
    {
        return List.copyOf(operations);
    }

    @Override
    void handle(HttpExchange exchange, String body)
            throws IOException
    {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith("AWSStepFunctions.") || !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-amz-json-1.0")) {
            respond(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"no target\"}");
            return;
        }
        String operation = target.substring("AWSStepFunctions.".length());
        synchronized (this) {
            operations.add(operation);
        }
        JsonNode request = JSON.readTree(body);
        switch (operation) {
            case "StartExecution" -> start(exchange, request);
            case "DescribeExecution" -> describe(exchange, request);
            case "GetExecutionHistory" -> history(exchange, request);
            case "ListExecutions" -> list(exchange, request);
            default -> respond(exchange, 400, "application/x-amz-json-1.0", "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"" + operation + "\"}");
        }
    }

    private void start(HttpExchange exchange, JsonNode request)
            throws IOException
    {
        String stateMachineArn = request.path("stateMachineArn").asText();
        String name = request.path("name").asText();
        String configured = onStart.get(stateMachineArn);
        if (configured == null) {
            error(exchange, "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + stateMachineArn + "'");
            return;
        }
        String[] parts = configured.split("\n", 2);
        Map<String, String> values = JSON.convertValue(JSON.readTree(parts[1]), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        String arn = ExecutionFollowerArns.arn(stateMachineArn, name);
        executions.put(arn, new Execution(arn, stateMachineArn, name, load(parts[0], name, values), 0));
        started.get(stateMachineArn).accept(name, request.path("input").asText());
        respond(exchange, 200, "application/x-amz-json-1.0", JSON.createObjectNode().put("executionArn", arn).put("startDate", 1764622800.0).toString());
    }

    private void describe(HttpExchange exchange, JsonNode request)
            throws IOException
    {
        Execution execution = executions.get(request.path("executionArn").asText());
        if (execution == null || execution.misses > 0) {
            if (execution != null) {
                execution.misses--;
            }
            error(exchange, "ExecutionDoesNotExist", "Execution Does Not Exist: '" + request.path("executionArn").asText() + "'");
            return;
        }
        execution.describes++;
        ObjectNode response = JSON.createObjectNode()
                .put("executionArn", execution.arn)
                .put("stateMachineArn", execution.stateMachineArn)
                .put("name", execution.name)
                .put("status", execution.running() ? "RUNNING" : execution.recording.path("status").asText())
                .put("startDate", execution.recording.path("events").get(0).path("timestamp").asDouble())
                .put("input", execution.recording.path("events").get(0).path("executionStartedEventDetails").path("input").asText());
        if (!execution.running()) {
            JsonNode events = execution.recording.path("events");
            response.put("stopDate", events.get(events.size() - 1).path("timestamp").asDouble());
            for (String field : List.of("output", "error", "cause")) {
                if (execution.recording.has(field)) {
                    response.put(field, execution.recording.path(field).asText());
                }
            }
        }
        respond(exchange, 200, "application/x-amz-json-1.0", response.toString());
    }

    private void history(HttpExchange exchange, JsonNode request)
            throws IOException
    {
        Execution execution = executions.get(request.path("executionArn").asText());
        if (execution == null || execution.misses > 0) {
            error(exchange, "ExecutionDoesNotExist", "Execution Does Not Exist: '" + request.path("executionArn").asText() + "'");
            return;
        }
        JsonNode events = execution.recording.path("events");
        int shown = execution.running() ? events.size() / 2 : events.size();
        ArrayNode page = JSON.createArrayNode();
        for (int index = 0; index < shown; index++) {
            page.add(events.get(index));
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("events", page);
        respond(exchange, 200, "application/x-amz-json-1.0", response.toString());
    }

    private void list(HttpExchange exchange, JsonNode request)
            throws IOException
    {
        String stateMachineArn = request.path("stateMachineArn").asText();
        ArrayNode items = JSON.createArrayNode();
        executions.values().stream()
                .filter(execution -> execution.stateMachineArn.equals(stateMachineArn) && execution.misses == 0)
                .sorted((first, second) -> Double.compare(second.recording.path("events").get(0).path("timestamp").asDouble(), first.recording.path("events").get(0).path("timestamp").asDouble()))
                .forEach(execution -> {
                    JsonNode events = execution.recording.path("events");
                    items.addObject()
                            .put("executionArn", execution.arn)
                            .put("stateMachineArn", execution.stateMachineArn)
                            .put("name", execution.name)
                            .put("status", execution.recording.path("status").asText())
                            .put("startDate", events.get(0).path("timestamp").asDouble())
                            .put("stopDate", events.get(events.size() - 1).path("timestamp").asDouble());
                });
        ObjectNode response = JSON.createObjectNode();
        response.set("executions", items);
        respond(exchange, 200, "application/x-amz-json-1.0", response.toString());
    }

    private static void error(HttpExchange exchange, String type, String message)
            throws IOException
    {
        respond(exchange, 400, "application/x-amz-json-1.0", JSON.createObjectNode().put("__type", "com.amazonaws.swf.service.v2.model#" + type).put("message", message).toString());
    }

    private static JsonNode load(String recording, String name, Map<String, String> values)
    {
        try (InputStream input = TestingStepFunctionsServer.class.getResourceAsStream("/remote/" + recording)) {
            String text = new String(input.readAllBytes(), StandardCharsets.UTF_8).replace("${name}", name);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return JSON.readTree(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Execution ARNs as Step Functions forms them. */
    static final class ExecutionFollowerArns
    {
        private ExecutionFollowerArns() {}

        static String arn(String stateMachineArn, String name)
        {
            return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        }
    }
}
