package io.duckstep.core.run;

import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.query.RunLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads and writes run manifests at {@code <runs root>/<runId>/manifest.json}. Writing publishes the whole
 * document at once (a rename locally, one PUT on S3), so a reader sees no manifest or a complete one.
 */
public final class RunManifestStore
{
    private final RunLayout layout;

    public RunManifestStore(RunLayout layout)
    {
        this.layout = requireNonNull(layout, "layout is null");
    }

    public String location(String runId)
    {
        return layout.manifest(runId);
    }

    public String write(RunManifest manifest)
    {
        String location = location(manifest.runId());
        try {
            Path temporary = Files.createTempFile("manifest-", ".json");
            try {
                Files.writeString(temporary, manifest.toJson(), StandardCharsets.UTF_8);
                layout.storage().publish(temporary, location, "application/json");
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest of run " + manifest.runId(), e);
        }
        return location;
    }

    /** The run's manifest, or empty while the run has none (it is running, or stopped before it could write one). */
    public Optional<RunManifest> read(String runId)
    {
        String location = location(runId);
        Path file;
        try {
            file = layout.storage().fetch(location);
        }
        catch (ObjectNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunManifest.fromJson(Files.readString(file, StandardCharsets.UTF_8), location));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }
}
