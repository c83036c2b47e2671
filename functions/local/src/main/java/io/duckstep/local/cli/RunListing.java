package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One line of {@code duckstep runs}, from a local run or a remote execution.
 */
record RunListing(String runId, String workflow, String status, Optional<String> upload, OptionalLong rows, Optional<Duration> duration, Optional<String> report, Optional<Instant> startedAt)
{
    RunListing
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(workflow, "workflow is null");
        requireNonNull(status, "status is null");
        requireNonNull(upload, "upload is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(report, "report is null");
        requireNonNull(startedAt, "startedAt is null");
    }

    ObjectNode toJson()
    {
        ObjectNode node = JsonMapper.builder().build().createObjectNode();
        node.put("runId", runId).put("workflow", workflow).put("status", status);
        node.put("upload", upload.orElse(null));
        if (rows.isPresent()) {
            node.put("rows", rows.getAsLong());
        }
        else {
            node.putNull("rows");
        }
        if (duration.isPresent()) {
            node.put("durationMilliseconds", duration.get().toMillis());
        }
        else {
            node.putNull("durationMilliseconds");
        }
        node.put("report", report.orElse(null));
        node.put("startedAt", startedAt.map(Instant::toString).orElse(null));
        return node;
    }
}
