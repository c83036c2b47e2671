package io.duckstep.core.storage;

import io.duckstep.core.error.ObjectAlreadyExistsException;
import io.duckstep.core.error.ObjectNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStorageTest
{
    @TempDir
    Path directory;

    private final LocalFileStorage storage = new LocalFileStorage();

    @Test
    void publish_newFile_isReadableAtItsLocationAndListed()
            throws Exception
    {
        Path source = Files.writeString(directory.resolve("source.txt"), "hello");
        String location = directory.resolve("out/nested/target.txt").toString();

        storage.publish(source, location, "text/plain");

        assertThat(Files.readString(storage.fetch(location))).isEqualTo("hello");
        assertThat(storage.size(location)).isEqualTo(5);
        assertThat(storage.list(directory.resolve("out").toString())).containsExactly(location);
        assertThat(storage.listObjects(directory.resolve("out").toString())).singleElement()
                .satisfies(object -> assertThat(object.size()).isEqualTo(5));
    }

    @Test
    void publishIfAbsent_existingObject_isRefusedAndKept()
            throws Exception
    {
        String location = directory.resolve("once.txt").toString();
        storage.publishIfAbsent(Files.writeString(directory.resolve("first.txt"), "first"), location, "text/plain");

        assertThatThrownBy(() -> storage.publishIfAbsent(Files.writeString(directory.resolve("second.txt"), "second"), location, "text/plain"))
                .isInstanceOf(ObjectAlreadyExistsException.class)
                .hasMessageContaining(location);
        assertThat(Files.readString(Path.of(location))).isEqualTo("first");
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".publishing-"));
        }
    }

    @Test
    void fetch_missingObject_throwsObjectNotFoundException()
    {
        String location = directory.resolve("absent.csv").toString();

        assertThatThrownBy(() -> storage.fetch(location))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No such object: " + location);
    }

    @Test
    void list_missingPrefix_isEmpty()
    {
        assertThat(storage.list(directory.resolve("nothing").toString())).isEmpty();
    }

    @Test
    void toPath_fileUri_isAPath()
    {
        assertThat(LocalFileStorage.toPath(directory.toUri().toString())).isEqualTo(directory);
    }

    @Test
    void toPath_s3Uri_isRefusedClearly()
    {
        assertThatThrownBy(() -> LocalFileStorage.toPath("s3://bucket/key"))
                .hasMessageContaining("only paths and file: URIs are local");
    }
}
