package io.duckstep.lambda.api;

import java.net.URI;
import java.util.Optional;

/**
 * Runs' reports as the API hands them out: a fresh, short-lived link to a run's report, or empty when the run has none.
 */
public interface RunReports
{
    Optional<URI> link(String runId);
}
