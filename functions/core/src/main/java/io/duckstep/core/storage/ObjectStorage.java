package io.duckstep.core.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * Where inputs, Parquet results and reports live. Locations are strings: a local path or
 * {@code file:} URI for {@link LocalFileStorage}, an {@code s3://bucket/key} URI for the AWS adapter.
 * Domain code only ever sees this interface.
 */
public interface ObjectStorage
{
    /**
     * Makes the object readable as a local file and returns its path: the file itself for local
     * storage, a downloaded copy for remote storage.
     *
     * @throws io.duckstep.core.error.ObjectNotFoundException if there is no such object
     */
    Path fetch(String location);

    /**
     * The object's size in bytes.
     *
     * @throws io.duckstep.core.error.ObjectNotFoundException if there is no such object
     */
    long size(String location);

    boolean exists(String location);

    /**
     * Publishes a complete local file at {@code location}, replacing what was there. Readers see
     * either the old object or the whole new one, never a part.
     */
    void publish(Path file, String location, String contentType);

    /**
     * Publishes only if nothing is at {@code location} yet.
     *
     * @throws io.duckstep.core.error.ObjectAlreadyExistsException if an object is already there
     */
    void publishIfAbsent(Path file, String location, String contentType);

    /** Removes the object at {@code location}; nothing happens when there is none. */
    void delete(String location);

    /** The objects under {@code prefix}, sorted by location. */
    List<StoredObject> listObjects(String prefix);

    /** Locations of the objects under {@code prefix}, sorted. */
    default List<String> list(String prefix)
    {
        return listObjects(prefix).stream().map(StoredObject::location).toList();
    }

    /** {@code prefix} joined with {@code name} using this storage's separator. */
    String resolve(String prefix, String name);
}
