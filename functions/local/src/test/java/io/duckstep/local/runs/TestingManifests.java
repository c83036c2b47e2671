package io.duckstep.local.runs;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes run manifests as the run manifest contract (version 1) describes them, for tests of the readers.
 */
public final class TestingManifests
{
    private TestingManifests() {}

    public static ObjectNode succeeded(String runId, String upload, long size, String uploadSha256, String warehouse, String warehouseSha256, String definitionSha256,
            String resultName, String resultLocation, long resultRows, String report)
    {
        ObjectNode manifest = base(runId, "SUCCEEDED");
        manifest.putNull("error");
        manifest.putArray("inputs").addObject().put("name", "upload").put("location", upload).put("size", size).put("sha256", uploadSha256);
        manifest.putObject("warehouse").put("provider", "duckdb").put("location", warehouse).put("sha256", warehouseSha256);
        manifest.putObject("definition").put("name", "summary").put("sha256", definitionSha256);
        ObjectNode result = manifest.putArray("results").addObject().put("name", resultName).put("location", resultLocation).put("rows", resultRows);
        result.putArray("columns").add("stock_code");
        manifest.putObject("report").put("location", report);
        manifest.put("someFutureField", "readers ignore unknown fields");
        return manifest;
    }

    public static ObjectNode failed(String runId, String upload, String error, String cause, String quarantine)
    {
        ObjectNode manifest = base(runId, "FAILED");
        manifest.putObject("error").put("error", error).put("cause", cause).put("quarantine", quarantine);
        manifest.putArray("inputs").addObject().put("name", "upload").put("location", upload).put("size", 10).put("sha256", "ab".repeat(32));
        manifest.putObject("warehouse").put("provider", "motherduck").put("database", "my_db");
        manifest.putObject("definition").put("name", "summary").putNull("sha256");
        manifest.putArray("results");
        manifest.putNull("report");
        return manifest;
    }

    public static void write(Path runDirectory, ObjectNode manifest)
    {
        try {
            Files.createDirectories(runDirectory);
            Files.writeString(runDirectory.resolve(RunManifest.FILE_NAME), JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode base(String runId, String status)
    {
        ObjectNode manifest = JsonMapper.builder().build().createObjectNode();
        manifest.put("manifestVersion", 1).put("runId", runId).put("workflow", "summary").put("status", status).put("finishedAt", "2026-12-01T21:01:07Z");
        return manifest;
    }
}
