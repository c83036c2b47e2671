package io.duckstep.local.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What a finished run produced, as its {@code runs/<runId>/manifest.json} says (manifest version 1).
 * The one reader of that file: every command reads a run through it, never through a directory
 * listing. Fields it does not know are ignored.
 */
public record RunManifest(
        String runId,
        String workflow,
        String status,
        Optional<Failure> error,
        Optional<Instant> finishedAt,
        List<Input> inputs,
        Warehouse warehouse,
        Definition definition,
        List<Result> results,
        Optional<String> report)
{
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public RunManifest
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(workflow, "workflow is null");
        requireNonNull(status, "status is null");
        requireNonNull(error, "error is null");
        requireNonNull(finishedAt, "finishedAt is null");
        inputs = List.copyOf(inputs);
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(definition, "definition is null");
        results = List.copyOf(results);
        requireNonNull(report, "report is null");
    }

    public boolean succeeded()
    {
        return status.equals("SUCCEEDED");
    }

    /** @param quarantine where the rejected upload was kept, if it was */
    public record Failure(String error, String cause, Optional<String> quarantine) {}

    /** @param rows the input's row count, where the manifest gives one (not part of version 1) */
    public record Input(String name, String location, OptionalLong size, Optional<String> sha256, OptionalLong rows) {}

    /** @param location the DuckDB file, for provider duckdb; @param database the MotherDuck database, for provider motherduck */
    public record Warehouse(String provider, Optional<String> location, Optional<String> database, Optional<String> sha256)
    {
        public String describe()
        {
            return switch (provider) {
                case "duckdb" -> "DuckDB file " + location.orElse("?") + sha256.map(hash -> " (sha256 " + hash + ")").orElse(" (checksum unknown)");
                case "motherduck" -> "MotherDuck database " + database.orElse("?");
                default -> provider;
            };
        }
    }

    public record Definition(String name, Optional<String> sha256) {}

    public record Result(String name, String location, OptionalLong rows, List<String> columns) {}

    /** Reads {@code <runDirectory>/manifest.json}; empty when the run has none (it is running or did not finish). */
    public static Optional<RunManifest> readFrom(Path runDirectory)
    {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file), file.toString()));
        }
        catch (IOException e) {
            throw new RunRecordException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param source named in errors */
    public static RunManifest parse(String text, String source)
    {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new RunRecordException(source + ": not a run manifest: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : ""), e);
        }
        if (root == null || !root.isObject()) {
            throw new RunRecordException(source + ": not a run manifest: not a JSON object");
        }
        int version = root.path("manifestVersion").asInt(0);
        if (version != 1) {
            throw new RunRecordException(source + ": manifest version " + root.path("manifestVersion") + " is not supported (this reader knows version 1)");
        }
        List<Input> inputs = new ArrayList<>();
        for (JsonNode input : root.path("inputs")) {
            inputs.add(new Input(input.path("name").asText("upload"), required(input, "location", source), optionalLong(input, "size"),
                    optionalText(input, "sha256"), optionalLong(input, "rows")));
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode result : root.path("results")) {
            List<String> columns = new ArrayList<>();
            result.path("columns").forEach(column -> columns.add(column.asText()));
            results.add(new Result(required(result, "name", source), required(result, "location", source), optionalLong(result, "rows"), columns));
        }
        JsonNode error = root.path("error");
        JsonNode warehouse = root.path("warehouse");
        JsonNode definition = root.path("definition");
        return new RunManifest(
                required(root, "runId", source),
                root.path("workflow").asText("summary"),
                required(root, "status", source),
                error.isObject() ? Optional.of(new Failure(error.path("error").asText(""), error.path("cause").asText(""), optionalText(error, "quarantine"))) : Optional.empty(),
                optionalText(root, "finishedAt").map(value -> instant(value, source)),
                inputs,
                new Warehouse(warehouse.path("provider").asText("none"), optionalText(warehouse, "location"), optionalText(warehouse, "database"), optionalText(warehouse, "sha256")),
                new Definition(definition.path("name").asText(root.path("workflow").asText("summary")), optionalText(definition, "sha256")),
                results,
                root.path("report").isObject() ? optionalText(root.path("report"), "location") : Optional.empty());
    }

    private static String required(JsonNode node, String field, String source)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new RunRecordException(source + ": the manifest has no " + field);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    private static OptionalLong optionalLong(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToLong() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }

    private static Instant instant(String value, String source)
    {
        try {
            return Instant.parse(value);
        }
        catch (DateTimeParseException e) {
            throw new RunRecordException(source + ": finishedAt is not an ISO-8601 instant: " + value, e);
        }
    }
}
