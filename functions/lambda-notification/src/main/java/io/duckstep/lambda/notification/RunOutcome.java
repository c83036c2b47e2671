package io.duckstep.lambda.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.duckstep.lambda.support.LambdaJson;

import java.util.List;
import java.util.Optional;

/**
 * What the notification reads of a run's manifest ({@code runs/<run>/manifest.json}, version 1, written by the run's
 * last step): its status, its upload, its report or its error. The rest of the manifest is not read here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RunOutcome(int manifestVersion, String runId, String status, Failure error, List<Input> inputs, Report report)
{
    static final int MANIFEST_VERSION = 1;

    RunOutcome
    {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Failure(String error, String cause, String quarantine) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Input(String location, Long rows) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String location, List<String> headlines)
    {
        Report
        {
            headlines = headlines == null ? List.of() : List.copyOf(headlines);
        }
    }

    boolean succeeded()
    {
        return "SUCCEEDED".equals(status) && report != null;
    }

    Optional<Input> upload()
    {
        return inputs.stream().findFirst();
    }

    /**
     * @param source where the text came from, for the error message
     * @throws IllegalArgumentException when the text is not a manifest of this version
     */
    static RunOutcome fromManifest(String json, String source)
    {
        RunOutcome outcome;
        try {
            outcome = LambdaJson.MAPPER.readValue(json, RunOutcome.class);
        }
        catch (Exception e) {
            throw new IllegalArgumentException(source + ": not a run manifest: " + e.getMessage(), e);
        }
        if (outcome == null || outcome.manifestVersion() != MANIFEST_VERSION) {
            throw new IllegalArgumentException(source + ": not a run manifest of version " + MANIFEST_VERSION);
        }
        if (!outcome.succeeded() && outcome.error() == null) {
            throw new IllegalArgumentException(source + ": not a run manifest: a run that did not succeed has an error");
        }
        return outcome;
    }
}
