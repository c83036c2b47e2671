package io.duckstep.core.upload;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.run.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * Validates an uploaded transactions file once and writes its typed rows as Parquet under the run's
 * prefix, so the three summary queries read clean, typed data without parsing the upload three times.
 * The upload itself is never modified or deleted. A bad upload raises {@link InvalidInputException}
 * (file, line, column), which the workflow catches to quarantine it.
 */
public final class PrepareUploadTask
{
    public static final String TABLE = "mydf";

    private final DuckDb duckDb;
    private final RunLayout layout;
    private final TransactionsReader transactionsReader;

    public PrepareUploadTask(DuckDb duckDb, RunLayout layout, TransactionsReader transactionsReader)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.transactionsReader = requireNonNull(transactionsReader, "transactionsReader is null");
    }

    public PreparedUpload run(String runId, String upload)
    {
        long start = System.nanoTime();
        String location = layout.preparedUpload(runId, TABLE);
        Path file;
        long sourceBytes;
        String sourceSha256;
        try {
            file = layout.storage().fetch(upload);
            sourceBytes = layout.storage().size(upload);
            sourceSha256 = Sha256.of(file);
        }
        catch (ObjectNotFoundException e) {
            throw new InvalidInputException(upload, "file does not exist");
        }
        Path parquet = temporaryFile();
        try {
            long rowCount;
            try (Connection connection = duckDb.openInMemory()) {
                rowCount = transactionsReader.load(connection, file, upload, TABLE);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("COPY " + TABLE + " TO " + SqlText.literal(parquet.toAbsolutePath().toString()) + " (FORMAT parquet, COMPRESSION zstd)");
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException("Cannot write the validated copy of " + upload + ": " + e.getMessage(), e);
            }
            layout.storage().publish(parquet, location, "application/vnd.apache.parquet");
            return new PreparedUpload(TABLE, upload, sourceBytes, location, rowCount, (System.nanoTime() - start) / 1_000_000, sourceSha256);
        }
        finally {
            try {
                Files.deleteIfExists(parquet);
            }
            catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    private Path temporaryFile()
    {
        try {
            Path directory = Files.createDirectories(duckDb.settings().scratchDirectory());
            Path file = Files.createTempFile(directory, "upload-", ".parquet");
            Files.delete(file);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file", e);
        }
    }
}
