package io.duckstep.core.run;

import io.duckstep.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunManifestTest
{
    /** The contract's example (docs of the run manifest), with a field from a later writer. */
    private static final String CONTRACT_EXAMPLE = """
            {
              "manifestVersion": 1,
              "runId": "demo-20261201T2101",
              "workflow": "summary",
              "status": "SUCCEEDED",
              "error": null,
              "finishedAt": "2026-12-01T21:01:07Z",
              "inputs": [{"name": "upload", "location": "out/demo/uploads/x.csv", "size": 123456, "sha256": "ab"}],
              "warehouse": {"provider": "duckdb", "location": "out/warehouse.duckdb", "sha256": null},
              "definition": {"name": "summary", "sha256": null},
              "results": [{"name": "sales_trends", "location": "out/demo/runs/r/results/sales_trends.parquet", "rows": 2576, "columns": ["stock_code"],
                           "size": 10, "sha256": "cd"}],
              "report": {"location": "out/demo/runs/r/report.html", "size": 20, "sha256": "ef"},
              "addedLater": {"any": "thing"}
            }
            """;

    @Test
    void fromJson_contractExampleWithAnUnknownField_readsIt()
    {
        RunManifest manifest = RunManifest.fromJson(CONTRACT_EXAMPLE, "manifest.json");

        assertThat(manifest.succeeded()).isTrue();
        assertThat(manifest.inputs()).singleElement().satisfies(input -> assertThat(input.size()).isEqualTo(123456L));
        assertThat(manifest.results()).extracting(RunManifest.Result::rows).containsExactly(2576L);
        assertThat(manifest.report().location()).isEqualTo("out/demo/runs/r/report.html");
        assertThat(manifest.report().headlines()).isEmpty();
    }

    @Test
    void toJson_failedManifest_roundTripsWithNullReportAndNoResults()
    {
        RunManifest failed = new RunManifest(1, "run-1", "summary", RunManifest.Status.FAILED,
                new RunManifest.Failure("io.duckstep.core.error.InvalidInputException", "x.csv, line 3: bad", "runs/run-1/quarantine/x.csv"),
                "2026-12-01T21:01:07Z", List.of(new RunManifest.Input("upload", "x.csv", null, null, null)),
                new RunManifest.Warehouse("none", null, null, null), new RunManifest.Definition("summary", null), List.of(), null);

        String json = failed.toJson();

        assertThat(json).contains("\"status\" : \"FAILED\"").contains("\"report\" : null").contains("\"results\" : [ ]");
        assertThat(RunManifest.fromJson(json, "manifest.json")).isEqualTo(failed);
    }

    @Test
    void fromJson_failedWithResults_isRefusedNamingTheFile()
    {
        String contradictory = CONTRACT_EXAMPLE.replace("\"status\": \"SUCCEEDED\"", "\"status\": \"FAILED\"")
                .replace("\"error\": null", "\"error\": {\"error\": \"States.ALL\", \"cause\": \"x\", \"quarantine\": null}");

        assertThatThrownBy(() -> RunManifest.fromJson(contradictory, "runs/r/manifest.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("runs/r/manifest.json: not a run manifest: ");
    }

    @Test
    void fromJson_otherVersion_isRefused()
    {
        assertThatThrownBy(() -> RunManifest.fromJson(CONTRACT_EXAMPLE.replace("\"manifestVersion\": 1", "\"manifestVersion\": 2"), "m.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m.json: run manifest version 2 is not 1");
    }
}
