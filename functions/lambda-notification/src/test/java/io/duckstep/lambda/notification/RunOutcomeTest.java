package io.duckstep.lambda.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunOutcomeTest
{
    @Test
    void fromManifest_succeeded_readsTheUploadAndTheReport()
    {
        RunOutcome outcome = RunOutcome.fromManifest("""
                {"manifestVersion": 1, "runId": "r", "workflow": "summary", "status": "SUCCEEDED", "error": null,
                 "inputs": [{"name": "upload", "location": "s3://b/uploads/a.csv", "size": 10, "sha256": "x", "rows": 3}],
                 "results": [], "report": {"location": "s3://b/runs/r/report.html", "size": 1, "sha256": "y", "headlines": ["h"]}}
                """, "m.json");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.upload()).contains(new RunOutcome.Input("s3://b/uploads/a.csv", 3L));
        assertThat(outcome.report().headlines()).containsExactly("h");
    }

    @Test
    void fromManifest_otherVersion_isRefusedNamingTheSource()
    {
        assertThatThrownBy(() -> RunOutcome.fromManifest("{\"manifestVersion\": 2, \"status\": \"SUCCEEDED\"}", "runs/r/manifest.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runs/r/manifest.json: not a run manifest of version 1");
    }

    @Test
    void fromManifest_failedWithoutError_isRefused()
    {
        assertThatThrownBy(() -> RunOutcome.fromManifest("{\"manifestVersion\": 1, \"status\": \"FAILED\"}", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("m.json: not a run manifest");
        assertThatThrownBy(() -> RunOutcome.fromManifest("not json", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("m.json: not a run manifest: ");
    }
}
