package io.duckstep.local.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A run's execution history as the local runner recorded it in {@code runs/<runId>/history.json}
 * (written by {@link RunHistoryRecorder} as the run goes): each state entered with its input, exited
 * with its output and time, or failed with its error and cause.
 *
 * @param status {@code RUNNING} until the execution ends, then how it ended
 */
public record RunHistory(
        String runId,
        String stateMachine,
        JsonNode input,
        String status,
        Instant startedAt,
        Optional<Instant> stoppedAt,
        Optional<String> error,
        Optional<String> cause,
        List<Event> events)
{
    public static final String FILE_NAME = "history.json";

    static final ObjectMapper JSON = JsonMapper.builder().build();

    public RunHistory
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(stateMachine, "stateMachine is null");
        requireNonNull(input, "input is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(stoppedAt, "stoppedAt is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
        events = List.copyOf(events);
    }

    public Optional<Duration> duration()
    {
        return stoppedAt.map(stop -> Duration.between(startedAt, stop));
    }

    /**
     * @param type {@code STATE_ENTERED}, {@code STATE_EXITED}, {@code STATE_FAILED} or {@code STATE_RETRYING}
     * @param payload the input (entered) or output (exited)
     */
    public record Event(String type, String state, Instant timestamp, Optional<JsonNode> payload, Optional<Duration> elapsed, Optional<String> error, Optional<String> cause)
    {
        public Event
        {
            requireNonNull(type, "type is null");
            requireNonNull(state, "state is null");
            requireNonNull(timestamp, "timestamp is null");
            requireNonNull(payload, "payload is null");
            requireNonNull(elapsed, "elapsed is null");
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }

    /** Reads {@code <runDirectory>/history.json}; empty when the run has none. */
    public static Optional<RunHistory> readFrom(Path runDirectory)
    {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(JSON.readTree(Files.readString(file)), file.toString()));
        }
        catch (JsonProcessingException e) {
            throw new RunRecordException(file + ": not a run history: " + e.getOriginalMessage(), e);
        }
        catch (IOException e) {
            throw new RunRecordException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    JsonNode toJson()
    {
        ObjectNode root = headerJson();
        ArrayNode array = root.putArray("events");
        events.forEach(event -> array.add(eventJson(event)));
        return root;
    }

    /** Everything but the events. */
    ObjectNode headerJson()
    {
        var root = JSON.createObjectNode();
        root.put("runId", runId).put("stateMachine", stateMachine).put("status", status).put("startedAt", startedAt.toString());
        stoppedAt.ifPresent(value -> root.put("stoppedAt", value.toString()));
        error.ifPresent(value -> root.put("error", value));
        cause.ifPresent(value -> root.put("cause", value));
        root.set("input", input);
        return root;
    }

    static ObjectNode eventJson(Event event)
    {
        var node = JSON.createObjectNode().put("type", event.type()).put("state", event.state()).put("timestamp", event.timestamp().toString());
        event.elapsed().ifPresent(value -> node.put("elapsedMilliseconds", value.toMillis()));
        event.error().ifPresent(value -> node.put("error", value));
        event.cause().ifPresent(value -> node.put("cause", value));
        event.payload().ifPresent(value -> node.set(event.type().equals("STATE_ENTERED") ? "input" : "output", value));
        return node;
    }

    static RunHistory fromJson(JsonNode root, String source)
    {
        try {
            List<Event> events = new ArrayList<>();
            for (JsonNode node : root.path("events")) {
                JsonNode payload = node.has("input") ? node.get("input") : node.get("output");
                events.add(new Event(node.path("type").asText(), node.path("state").asText(), Instant.parse(node.path("timestamp").asText()),
                        Optional.ofNullable(payload), node.has("elapsedMilliseconds") ? Optional.of(Duration.ofMillis(node.get("elapsedMilliseconds").asLong())) : Optional.empty(),
                        text(node, "error"), text(node, "cause")));
            }
            return new RunHistory(root.path("runId").asText(), root.path("stateMachine").asText(), root.path("input"), root.path("status").asText("RUNNING"),
                    Instant.parse(root.path("startedAt").asText()), text(root, "stoppedAt").map(Instant::parse), text(root, "error"), text(root, "cause"), events);
        }
        catch (RuntimeException e) {
            throw new RunRecordException(source + ": not a run history: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
