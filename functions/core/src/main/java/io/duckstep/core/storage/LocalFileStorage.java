package io.duckstep.core.storage;

import io.duckstep.core.error.ObjectAlreadyExistsException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.error.StorageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Storage on the local file system: the embedded default. Locations are paths or {@code file:} URIs.
 * Publishing writes a sibling temporary file and renames it into place, so a reader never sees half a file.
 */
public final class LocalFileStorage
        implements ObjectStorage
{
    @Override
    public Path fetch(String location)
    {
        Path path = toPath(location);
        if (!Files.isRegularFile(path)) {
            throw new ObjectNotFoundException(location);
        }
        return path;
    }

    @Override
    public long size(String location)
    {
        try {
            return Files.size(fetch(location));
        }
        catch (IOException e) {
            throw new StorageException("Cannot read the size of " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String location)
    {
        return Files.isRegularFile(toPath(location));
    }

    @Override
    public void publish(Path file, String location, String contentType)
    {
        Path target = toPath(location);
        Path temporary = copyBeside(file, target);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            deleteQuietly(temporary);
            throw new StorageException("Cannot publish " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publishIfAbsent(Path file, String location, String contentType)
    {
        Path target = toPath(location);
        Path temporary = copyBeside(file, target);
        try {
            // A hard link is created atomically and fails when the target exists: a create-only rename.
            Files.createLink(target, temporary);
        }
        catch (FileAlreadyExistsException e) {
            throw new ObjectAlreadyExistsException(location);
        }
        catch (IOException | UnsupportedOperationException e) {
            throw new StorageException("Cannot publish " + location + ": " + e.getMessage(), e);
        }
        finally {
            deleteQuietly(temporary);
        }
    }

    @Override
    public void delete(String location)
    {
        try {
            Files.deleteIfExists(toPath(location));
        }
        catch (IOException e) {
            throw new StorageException("Cannot delete " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredObject> listObjects(String prefix)
    {
        Path directory = toPath(prefix);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith(".publishing-"))
                    .sorted()
                    .map(LocalFileStorage::describe)
                    .toList();
        }
        catch (IOException | UncheckedIOException e) {
            throw new StorageException("Cannot list " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static StoredObject describe(Path file)
    {
        try {
            return new StoredObject(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String resolve(String prefix, String name)
    {
        return toPath(prefix).resolve(name).toString();
    }

    public static Path toPath(String location)
    {
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location));
        }
        if (location.contains("://")) {
            throw new StorageException("Local storage cannot read " + location + ": only paths and file: URIs are local");
        }
        return Path.of(location);
    }

    private static Path copyBeside(Path file, Path target)
    {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".publishing-", ".tmp");
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // published objects are readable like any file the user writes, not private like a temporary file
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return temporary;
        }
        catch (IOException e) {
            throw new StorageException("Cannot stage " + file + " for " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path)
    {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // best effort: a leftover hidden temporary file is never listed
        }
    }
}
