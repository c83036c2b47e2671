package io.duckstep.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.error.InvalidInputException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one run produced, as a complete set: {@code runs/<runId>/manifest.json}, written last, once the run
 * succeeded or failed. A run without a manifest is incomplete; nothing else (no directory listing) says
 * what a run produced. On {@link Status#FAILED} {@code results} is empty, {@code report} is null and
 * {@code error} says why.
 *
 * @param finishedAt ISO-8601 instant
 */
public record RunManifest(
        int manifestVersion,
        String runId,
        String workflow,
        Status status,
        Failure error,
        String finishedAt,
        List<Input> inputs,
        Warehouse warehouse,
        Definition definition,
        List<Result> results,
        Report report)
{
    public static final int VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public enum Status
    {
        SUCCEEDED, FAILED
    }

    public RunManifest
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(workflow, "workflow is null");
        requireNonNull(status, "status is null");
        requireNonNull(finishedAt, "finishedAt is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(definition, "definition is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
        if (status == Status.FAILED && (error == null || !results.isEmpty() || report != null)) {
            throw new IllegalArgumentException("A failed run's manifest has an error, no results and no report");
        }
        if (status == Status.SUCCEEDED && (error != null || report == null)) {
            throw new IllegalArgumentException("A succeeded run's manifest has a report and no error");
        }
    }

    public boolean succeeded()
    {
        return status == Status.SUCCEEDED;
    }

    /**
     * @param error the error name: an exception's fully-qualified class name or a {@code States.*} name
     * @param cause the human-readable reason
     * @param quarantine where the rejected upload was kept, or null
     */
    public record Failure(String error, String cause, String quarantine) {}

    /** An input of the run and its rows; {@code size}, {@code sha256} and {@code rows} are null where the run failed before reading it. */
    public record Input(String name, String location, Long size, String sha256, Long rows)
    {
        public Input
        {
            requireNonNull(name, "name is null");
            requireNonNull(location, "location is null");
        }
    }

    /**
     * The warehouse the queries saw: {@code {"provider": "duckdb", "location", "sha256"}},
     * {@code {"provider": "motherduck", "database"}} or {@code {"provider": "none"}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warehouse(String provider, String location, String database, String sha256)
    {
        public Warehouse
        {
            requireNonNull(provider, "provider is null");
        }
    }

    /** The state machine definition: its name and the SHA-256 of its {@code .asl.json} text, or null where unknown. */
    public record Definition(String name, String sha256)
    {
        public Definition
        {
            requireNonNull(name, "name is null");
        }
    }

    /** One published result: its Parquet file, rows, column names, and the file's size and SHA-256. */
    public record Result(String name, String location, long rows, List<String> columns, long size, String sha256)
    {
        public Result
        {
            requireNonNull(name, "name is null");
            requireNonNull(location, "location is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            requireNonNull(sha256, "sha256 is null");
        }
    }

    /** The published report page, its size and SHA-256, and the headline findings it shows. */
    public record Report(String location, long size, String sha256, List<String> headlines)
    {
        public Report
        {
            requireNonNull(location, "location is null");
            requireNonNull(sha256, "sha256 is null");
            headlines = headlines == null ? List.of() : List.copyOf(headlines);
        }
    }

    public String toJson()
    {
        try {
            return JSON.writeValueAsString(this);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the manifest of run " + runId, e);
        }
    }

    /**
     * @param source where the text came from, for the error message
     * @throws InvalidInputException when the text is not a manifest
     */
    public static RunManifest fromJson(String json, String source)
    {
        try {
            RunManifest manifest = JSON.readValue(json, RunManifest.class);
            if (manifest == null) {
                throw new InvalidInputException(source, "empty run manifest");
            }
            if (manifest.manifestVersion() != VERSION) {
                throw new InvalidInputException(source, "run manifest version " + manifest.manifestVersion() + " is not " + VERSION);
            }
            return manifest;
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException(source, "not a run manifest: " + e.getMessage());
        }
    }
}
