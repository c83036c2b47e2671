package io.duckstep.local.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunManifestTest
{
    @TempDir
    Path directory;

    @Test
    void readFrom_succeededManifestWithUnknownField_readsEveryContractField()
    {
        TestingManifests.write(directory, TestingManifests.succeeded("run-1", "out/uploads/x.csv", 123, "aa".repeat(32), "out/warehouse.duckdb", "bb".repeat(32),
                "cc".repeat(32), "sales_trends", "out/runs/run-1/results/sales_trends.parquet", 2576, "out/runs/run-1/report.html"));

        RunManifest manifest = RunManifest.readFrom(directory).orElseThrow();

        assertThat(manifest.runId()).isEqualTo("run-1");
        assertThat(manifest.succeeded()).isTrue();
        assertThat(manifest.finishedAt()).contains(Instant.parse("2026-12-01T21:01:07Z"));
        assertThat(manifest.inputs()).singleElement().satisfies(input -> {
            assertThat(input.location()).isEqualTo("out/uploads/x.csv");
            assertThat(input.size()).isEqualTo(OptionalLong.of(123));
            assertThat(input.sha256()).contains("aa".repeat(32));
        });
        assertThat(manifest.warehouse().describe()).isEqualTo("DuckDB file out/warehouse.duckdb (sha256 " + "bb".repeat(32) + ")");
        assertThat(manifest.definition().sha256()).contains("cc".repeat(32));
        assertThat(manifest.results()).singleElement().satisfies(result -> {
            assertThat(result.name()).isEqualTo("sales_trends");
            assertThat(result.rows()).isEqualTo(OptionalLong.of(2576));
            assertThat(result.columns()).containsExactly("stock_code");
        });
        assertThat(manifest.report()).contains("out/runs/run-1/report.html");
    }

    @Test
    void readFrom_failedManifest_readsErrorQuarantineAndMotherDuck()
    {
        TestingManifests.write(directory, TestingManifests.failed("run-2", "u.csv", "io.duckstep.core.error.InvalidInputException", "u.csv, line 2: bad", "runs/run-2/quarantine/u.csv"));

        RunManifest manifest = RunManifest.readFrom(directory).orElseThrow();

        assertThat(manifest.succeeded()).isFalse();
        assertThat(manifest.error()).hasValueSatisfying(failure -> {
            assertThat(failure.error()).isEqualTo("io.duckstep.core.error.InvalidInputException");
            assertThat(failure.cause()).isEqualTo("u.csv, line 2: bad");
            assertThat(failure.quarantine()).contains("runs/run-2/quarantine/u.csv");
        });
        assertThat(manifest.warehouse().describe()).isEqualTo("MotherDuck database my_db");
        assertThat(manifest.definition().sha256()).isEmpty();
        assertThat(manifest.results()).isEmpty();
        assertThat(manifest.report()).isEmpty();
    }

    @Test
    void readFrom_noManifest_isEmpty()
    {
        assertThat(RunManifest.readFrom(directory)).isEmpty();
    }

    @Test
    void readFrom_brokenJson_namesTheFileLineAndColumn()
            throws Exception
    {
        Files.writeString(directory.resolve("manifest.json"), "{\n  \"manifestVersion\": 1,\n  \"runId\": }");

        assertThatThrownBy(() -> RunManifest.readFrom(directory))
                .isInstanceOf(RunRecordException.class)
                .hasMessageContaining(directory.resolve("manifest.json").toString())
                .hasMessageContaining("line 3, column 12");
    }

    @Test
    void readFrom_unknownVersion_isRefused()
            throws Exception
    {
        Files.writeString(directory.resolve("manifest.json"), "{\"manifestVersion\": 2, \"runId\": \"x\", \"status\": \"SUCCEEDED\"}");

        assertThatThrownBy(() -> RunManifest.readFrom(directory))
                .isInstanceOf(RunRecordException.class)
                .hasMessageContaining("manifest version 2 is not supported");
    }
}
