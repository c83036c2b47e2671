package io.duckstep.core.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.task.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Keeps a rejected upload with the reason it was rejected: a copy goes to
 * {@code <root>/<runId>/quarantine/<file name>} next to {@code reason.json}. The upload itself
 * stays where it was; nothing uploaded is ever lost.
 */
public final class QuarantineTask
        implements Task<QuarantineInput, QuarantinedUpload>
{
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final RunLayout layout;

    public QuarantineTask(RunLayout layout)
    {
        this.layout = requireNonNull(layout, "layout is null");
    }

    /**
     * Records the error's name (for example {@code io.duckstep.core.error.InvalidInputException}) and its
     * human-readable message as the reason.
     */
    @Override
    public QuarantinedUpload run(QuarantineInput input)
    {
        String runId = input.runId();
        String upload = input.upload();
        String error = input.error().error();
        String reason = input.error().message();
        String prefix = layout.storage().resolve(layout.runPrefix(runId), "quarantine");
        String fileName = upload.substring(Math.max(upload.lastIndexOf('/'), upload.lastIndexOf('\\')) + 1);
        String copyLocation = layout.storage().resolve(prefix, fileName.isEmpty() ? "upload" : fileName);
        String reasonLocation = layout.storage().resolve(prefix, "reason.json");

        boolean copied;
        try {
            layout.storage().publish(layout.storage().fetch(upload), copyLocation, "application/octet-stream");
            copied = true;
        }
        catch (ObjectNotFoundException e) {
            copied = false;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("upload", upload);
        document.put("copy", copied ? copyLocation : null);
        document.put("error", error);
        document.put("reason", reason);
        document.put("quarantinedAt", Instant.now().toString());
        try {
            Path temporary = Files.createTempFile("reason-", ".json");
            try {
                JSON.writeValue(temporary.toFile(), document);
                layout.storage().publish(temporary, reasonLocation, "application/json");
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the quarantine reason for " + upload, e);
        }
        return new QuarantinedUpload(upload, copied ? copyLocation : null, reasonLocation, reason);
    }
}
