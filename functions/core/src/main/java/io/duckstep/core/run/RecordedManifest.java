package io.duckstep.core.run;

import static java.util.Objects.requireNonNull;

/**
 * What the manifest task returns to the state machine: where the manifest is and the status it records.
 */
public record RecordedManifest(String location, RunManifest.Status status)
{
    public RecordedManifest
    {
        requireNonNull(location, "location is null");
        requireNonNull(status, "status is null");
    }
}
