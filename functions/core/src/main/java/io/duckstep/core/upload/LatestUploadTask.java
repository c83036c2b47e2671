package io.duckstep.core.upload;

import io.duckstep.core.error.NoUploadException;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.storage.StoredObject;
import io.duckstep.core.task.LatestUploadInput;
import io.duckstep.core.task.Task;

import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * Finds the most recently uploaded file, for a run started without naming one (for example from the console with {@code {}}).
 */
public final class LatestUploadTask
        implements Task<LatestUploadInput, String>
{
    private final ObjectStorage storage;
    private final String uploadsPrefix;

    public LatestUploadTask(ObjectStorage storage, String uploadsPrefix)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.uploadsPrefix = requireNonNull(uploadsPrefix, "uploadsPrefix is null");
    }

    /**
     * @return the location of the newest object under the uploads prefix (ties: the greatest location)
     * @throws NoUploadException when there is none
     */
    @Override
    public String run(LatestUploadInput input)
    {
        return storage.listObjects(uploadsPrefix).stream()
                .filter(object -> object.size() > 0)
                .max(Comparator.comparing(StoredObject::lastModified).thenComparing(StoredObject::location))
                .map(StoredObject::location)
                .orElseThrow(() -> new NoUploadException("No upload found under " + uploadsPrefix + ": upload a file there first, or start the run with {\"upload\": \"<location>\"}"));
    }
}
