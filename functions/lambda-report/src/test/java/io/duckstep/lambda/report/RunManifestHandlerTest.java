package io.duckstep.lambda.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.run.RunManifestTask;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.lambda.support.TestingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunManifestHandlerTest
{
    private static final String DEFINITION_SHA256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path directory;

    @Test
    void handleRequest_succeededRun_writesTheManifestWithTheStoredFilesChecksums()
            throws Exception
    {
        Path run = directory.resolve("runs/duckstep-upload-2c1f0a9e");
        Path salesTrends = write(run.resolve("results/sales_trends.parquet"), "sales");
        Path priceElasticity = write(run.resolve("results/price_elasticity.parquet"), "elasticity");
        Path customerSegmentation = write(run.resolve("results/customer_segmentation.parquet"), "customers");
        Path report = write(run.resolve("report.html"), "<!doctype html><p>");
        TestingContext context = new TestingContext();

        JsonNode recorded = invoke("write-manifest.json", context);

        assertThat(recorded.path("location").asText()).isEqualTo(run.resolve("manifest.json").toString());
        assertThat(recorded.path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(manifest.path("finishedAt").asText()).isEqualTo("2026-12-01T21:01:07Z");
        assertThat(manifest.path("inputs").get(0).path("location").asText()).isEqualTo("s3://duckstep-data/uploads/online_retail_2009-12.csv");
        assertThat(manifest.path("inputs").get(0).path("size").asLong()).isEqualTo(1843302);
        assertThat(manifest.path("inputs").get(0).path("sha256").asText()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(manifest.path("warehouse").path("provider").asText()).isEqualTo("none");
        assertThat(manifest.path("definition").path("sha256").asText()).isEqualTo(DEFINITION_SHA256);
        assertThat(manifest.path("results")).hasSize(3);
        assertThat(manifest.path("results").get(0).path("sha256").asText()).isEqualTo(sha256(salesTrends));
        assertThat(manifest.path("results").get(1).path("sha256").asText()).isEqualTo(sha256(priceElasticity));
        assertThat(manifest.path("results").get(2).path("sha256").asText()).isEqualTo(sha256(customerSegmentation));
        assertThat(manifest.path("results").get(2).path("columns").get(0).asText()).isEqualTo("customer_id");
        assertThat(manifest.path("report").path("sha256").asText()).isEqualTo(sha256(report));
        assertThat(context.logLines()).singleElement().asString().contains("\"correlationId\":\"duckstep-upload-2c1f0a9e\"");
    }

    @Test
    void handleRequest_failedRun_removesWhatTheRunPublishedAndWritesAFailedManifest()
            throws Exception
    {
        Path run = directory.resolve("runs/duckstep-upload-2c1f0a9e");
        write(run.resolve("upload/mydf.parquet"), "typed");
        write(run.resolve("results/sales_trends.parquet"), "sales");
        write(run.resolve("results/price_elasticity.parquet"), "elasticity");

        JsonNode recorded = invoke("record-failure.json", new TestingContext());

        assertThat(recorded.path("status").asText()).isEqualTo("FAILED");
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("error").path("error").asText()).isEqualTo("io.duckstep.core.error.QueryFailedException");
        assertThat(manifest.path("error").path("cause").asText()).isEqualTo("Query customer_segmentation failed: Conversion Error: Could not convert string 'x' to INT32");
        assertThat(manifest.path("results")).isEmpty();
        assertThat(manifest.path("report").isNull()).isTrue();
        try (var files = Files.walk(run)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> run.relativize(file).toString())).containsExactly("manifest.json");
        }
    }

    private JsonNode invoke(String event, TestingContext context)
            throws Exception
    {
        RunLayout layout = new RunLayout(new LocalFileStorage(), directory.resolve("runs").toString());
        RunManifestHandler handler = new RunManifestHandler(new RunManifestTask(layout, new WarehouseSpecification.None(), runId -> Optional.of(DEFINITION_SHA256),
                Clock.fixed(Instant.parse("2026-12-01T21:01:07.250Z"), ZoneOffset.UTC)));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(event(event), output, context);
        return new ObjectMapper().readTree(output.toByteArray());
    }

    private static Path write(Path file, String content)
            throws Exception
    {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String sha256(Path file)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private InputStream event(String name)
            throws Exception
    {
        try (InputStream stream = RunManifestHandlerTest.class.getResourceAsStream("/events/" + name)) {
            String json = new String(stream.readAllBytes(), StandardCharsets.UTF_8).replace("{{DIR}}", directory.toString());
            return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
