package io.duckstep.lambda.notification;

import java.util.Optional;

/**
 * Reads a run's manifest, {@code runs/<run>/manifest.json}: the only record of what a run produced.
 */
public interface RunManifests
{
    /** The manifest's JSON text, or empty when the run wrote none (it was stopped, or timed out, before its last step). */
    Optional<String> manifest(String runId);
}
