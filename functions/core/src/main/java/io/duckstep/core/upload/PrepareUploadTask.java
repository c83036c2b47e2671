package io.duckstep.core.upload;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbErrors;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.error.ValidationFaultException;
import io.duckstep.core.load.LoadedTransactions;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.run.Sha256;
import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.task.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static java.util.Objects.requireNonNull;

/**
 * Validates an uploaded transactions file once and writes its typed rows as Parquet under the run's
 * prefix, so the three summary queries read clean, typed data without parsing the upload three times.
 * The upload itself is never modified or deleted. A bad upload raises {@link InvalidInputException}
 * (file, line, column), which the workflow catches to quarantine it; a fault (memory, I/O, interruption)
 * raises {@link ValidationFaultException}, which the workflow retries and never quarantines.
 */
public final class PrepareUploadTask
        implements Task<PrepareUploadInput, PreparedUpload>
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

    @Override
    public PreparedUpload run(PrepareUploadInput input)
    {
        String runId = input.runId();
        String upload = input.upload();
        long start = System.nanoTime();
        String location = layout.preparedUpload(runId, TABLE);
        Path file;
        long sourceBytes;
        try {
            file = layout.storage().fetch(upload);
            sourceBytes = layout.storage().size(upload);
        }
        catch (ObjectNotFoundException e) {
            throw new InvalidInputException(upload, "file does not exist");
        }
        // the checksum is read on a thread of its own while DuckDB reads the same file: neither waits for the other
        CompletableFuture<String> sourceSha256 = checksum(file);
        Path parquet = temporaryFile(upload);
        try {
            LoadedTransactions loaded;
            try (Connection connection = duckDb.openInMemory()) {
                loaded = transactionsReader.copyToParquet(connection, file, upload, parquet);
            }
            catch (SQLException e) {
                throw new ValidationFaultException("Cannot close DuckDB after validating " + upload + ": " + DuckDbErrors.firstLines(e, 2), e);
            }
            // said where the run's log is (stderr locally, the function's log on AWS) as well as in the result
            loaded.notes().forEach(note -> System.err.println("note: " + note));
            layout.storage().publish(parquet, location, "application/vnd.apache.parquet");
            return new PreparedUpload(TABLE, upload, sourceBytes, location, loaded.rowCount(), loaded.encoding(), loaded.notes(), (System.nanoTime() - start) / 1_000_000,
                    join(sourceSha256));
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

    private Path temporaryFile(String upload)
    {
        try {
            Path directory = Files.createDirectories(duckDb.settings().scratchDirectory());
            Path file = Files.createTempFile(directory, "upload-", ".parquet");
            Files.delete(file);
            return file;
        }
        catch (IOException e) {
            throw new ValidationFaultException("Cannot create a temporary file to validate " + upload + ": " + e.getMessage(), e);
        }
    }

    private static CompletableFuture<String> checksum(Path file)
    {
        CompletableFuture<String> checksum = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                checksum.complete(Sha256.of(file));
            }
            catch (RuntimeException | Error e) {
                checksum.completeExceptionally(e);
            }
        }, "upload-checksum");
        thread.setDaemon(true);
        thread.start();
        return checksum;
    }

    private static String join(CompletableFuture<String> checksum)
    {
        try {
            return checksum.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
