package io.duckstep.local.runs;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One state of a run, from its history: entered with an input, then exited with an output or failed.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED}, or {@code RUNNING} while it has not ended
 * @param retries the errors it was retried after
 */
public record StateRecord(String name, Instant enteredAt, JsonNode input, String status, Optional<JsonNode> output, Optional<Duration> elapsed,
        Optional<String> error, Optional<String> cause, List<String> retries)
{
    public StateRecord
    {
        requireNonNull(name, "name is null");
        requireNonNull(enteredAt, "enteredAt is null");
        requireNonNull(input, "input is null");
        requireNonNull(status, "status is null");
        requireNonNull(output, "output is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
        retries = List.copyOf(retries);
    }

    /** The states of a history in the order they were entered. */
    public static List<StateRecord> of(RunHistory history)
    {
        List<StateRecord> states = new ArrayList<>();
        for (RunHistory.Event event : history.events()) {
            if (event.type().equals("STATE_ENTERED")) {
                states.add(new StateRecord(event.state(), event.timestamp(), event.payload().orElse(RunHistory.JSON.nullNode()), "RUNNING",
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
                continue;
            }
            int index = lastOpen(states, event.state());
            if (index < 0) {
                continue;
            }
            StateRecord open = states.get(index);
            StateRecord updated = switch (event.type()) {
                case "STATE_EXITED" -> exited(open, event);
                case "STATE_FAILED" -> new StateRecord(open.name, open.enteredAt, open.input, "FAILED", Optional.empty(), event.elapsed(), event.error(), event.cause(), open.retries);
                case "STATE_RETRYING" -> {
                    List<String> retries = new ArrayList<>(open.retries);
                    retries.add(event.error().orElse("?"));
                    yield new StateRecord(open.name, open.enteredAt, open.input, open.status, open.output, open.elapsed, open.error, open.cause, retries);
                }
                default -> open;
            };
            states.set(index, updated);
        }
        return states;
    }

    private static int lastOpen(List<StateRecord> states, String name)
    {
        for (int index = states.size() - 1; index >= 0; index--) {
            if (states.get(index).name().equals(name) && states.get(index).status().equals("RUNNING")) {
                return index;
            }
        }
        return -1;
    }

    /**
     * A state whose Catch handled an error leaves the error in its output (the definitions' {@code ResultPath: $.error}) where
     * its input had none: it is shown as CAUGHT, with that error, not as a success.
     */
    private static StateRecord exited(StateRecord open, RunHistory.Event event)
    {
        Optional<JsonNode> caught = event.payload().map(output -> output.path("error")).filter(JsonNode::isObject)
                .filter(error -> !open.input.path("error").isObject());
        if (caught.isPresent()) {
            return new StateRecord(open.name, open.enteredAt, open.input, "CAUGHT", event.payload(), event.elapsed(),
                    Optional.ofNullable(caught.get().path("Error").asText(null)), Optional.ofNullable(caught.get().path("Cause").asText(null)), open.retries);
        }
        return new StateRecord(open.name, open.enteredAt, open.input, "SUCCEEDED", event.payload(), event.elapsed(), Optional.empty(), Optional.empty(), open.retries);
    }
}
