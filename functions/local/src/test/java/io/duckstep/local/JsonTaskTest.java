package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.core.error.NoUploadException;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.task.LatestUploadInput;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.core.upload.QuarantineTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local runner's one adapter from a task to a Task state's resource, driven by the payloads the summary state
 * machine sends (src/test/resources/events/).
 */
class JsonTaskTest
{
    @TempDir
    Path directory;

    @Test
    void handler_quarantinePayload_returnsTheTaskOutputAsJson()
            throws Exception
    {
        Path upload = Files.writeString(directory.resolve("december.csv"), "Invoice\n1\n");
        QuarantineTask task = new QuarantineTask(new RunLayout(new LocalFileStorage(), directory.resolve("runs").toString()));

        JsonNode quarantined = JsonTask.handler(QuarantineInput.class, task).handle(event("quarantine.json", upload));

        assertThat(quarantined.path("upload").asText()).isEqualTo(upload.toString());
        assertThat(Path.of(quarantined.path("copy").asText())).hasSameTextualContentAs(upload);
        // the reason is the Lambda errorMessage inside the Catch's Cause
        assertThat(quarantined.path("reason").asText()).isEqualTo(upload + ", line 3, column 'Quantity': not an integer quantity: 'two'");
        assertThat(JsonTask.JSON.readTree(Path.of(quarantined.path("reasonLocation").asText()).toFile()).path("error").asText())
                .isEqualTo("io.duckstep.core.error.InvalidInputException");
    }

    @Test
    void handler_taskFails_throwsTheTaskExceptionAsItIs()
            throws Exception
    {
        Path uploads = Files.createDirectories(directory.resolve("uploads"));
        LatestUploadTask task = new LatestUploadTask(new LocalFileStorage(), uploads.toString());

        // the state fails with the exception's class name, which a Catch matches
        assertThatThrownBy(() -> JsonTask.handler(LatestUploadInput.class, task).handle(event("latest-upload.json", uploads)))
                .isExactlyInstanceOf(NoUploadException.class)
                .hasMessageStartingWith("No upload found under " + uploads);
    }

    private static JsonNode event(String name, Path upload)
            throws Exception
    {
        try (InputStream stream = JsonTaskTest.class.getResourceAsStream("/events/" + name)) {
            return JsonTask.JSON.readTree(new String(stream.readAllBytes(), StandardCharsets.UTF_8).replace("{{UPLOAD}}", upload.toString()));
        }
    }
}
