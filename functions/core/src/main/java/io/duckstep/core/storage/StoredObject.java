package io.duckstep.core.storage;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An object as a listing shows it.
 */
public record StoredObject(String location, long size, Instant lastModified)
{
    public StoredObject
    {
        requireNonNull(location, "location is null");
        requireNonNull(lastModified, "lastModified is null");
    }
}
