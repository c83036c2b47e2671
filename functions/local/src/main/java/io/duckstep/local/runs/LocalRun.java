package io.duckstep.local.runs;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One run on this machine: its manifest (once it finished) and the history the runner recorded.
 * A summary run without a manifest did not finish: it is running, or it was stopped.
 */
public record LocalRun(String runId, Path directory, Optional<RunManifest> manifest, Optional<RunHistory> history)
{
    public LocalRun
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(manifest, "manifest is null");
        requireNonNull(history, "history is null");
    }

    public String workflow()
    {
        return manifest.map(RunManifest::workflow).or(() -> history.map(RunHistory::stateMachine)).orElse("?");
    }

    /**
     * The manifest's status; without one, {@code RUNNING} while the history says so, the history's
     * failure status, or {@code INCOMPLETE} (a summary run that ended without writing its manifest).
     */
    public String status()
    {
        if (manifest.isPresent()) {
            return manifest.get().status();
        }
        if (history.isEmpty()) {
            return "INCOMPLETE";
        }
        String status = history.get().status();
        if (status.equals("SUCCEEDED") && workflow().equals("summary")) {
            return "INCOMPLETE";
        }
        return status;
    }

    public Optional<String> upload()
    {
        return manifest.flatMap(value -> value.inputs().stream().findFirst().map(RunManifest.Input::location))
                .or(() -> history.map(value -> value.input().path("upload")).filter(JsonNode::isTextual).map(JsonNode::asText));
    }

    /** The upload's rows: from the manifest where it says, else from the workflow's final output ({@code uploadRows}). */
    public OptionalLong rows()
    {
        OptionalLong fromManifest = manifest.flatMap(value -> value.inputs().stream().findFirst()).map(RunManifest.Input::rows).orElse(OptionalLong.empty());
        if (fromManifest.isPresent()) {
            return fromManifest;
        }
        return history.flatMap(value -> value.events().stream()
                        .filter(event -> event.type().equals("STATE_EXITED"))
                        .reduce((first, second) -> second))
                .flatMap(RunHistory.Event::payload)
                .map(output -> output.path("uploadRows"))
                .filter(JsonNode::canConvertToLong)
                .map(node -> OptionalLong.of(node.asLong()))
                .orElse(OptionalLong.empty());
    }

    public Optional<Duration> duration()
    {
        return history.flatMap(RunHistory::duration);
    }

    public Optional<String> report()
    {
        return manifest.flatMap(RunManifest::report);
    }

    /** When the run started, or else finished; what "newest first" sorts by. */
    public Optional<Instant> time()
    {
        return history.map(RunHistory::startedAt).or(() -> manifest.flatMap(RunManifest::finishedAt));
    }
}
