package io.duckstep.core.load;

import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ValidationFaultException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * What DuckStep reads of a CSV file itself, byte by byte, because DuckDB cannot be relied on for it:
 * the gzip stream's integrity (DuckDB reads a truncated stream silently as far as it goes), lines longer
 * than DuckDB's line limit (DuckDB drops a very long last line silently, or fails without a line number),
 * and, only when a value is refused, the physical line a row starts on (blank lines and quoted line breaks
 * make it differ from the row number).
 */
final class CsvFile
{
    /** The longest line accepted, in bytes, without its line break; DuckDB's own default limit. */
    static final int MAX_LINE_BYTES = 2_000_000;

    private final Path file;
    private final String displayName;
    private final boolean gzip;

    private CsvFile(Path file, String displayName, boolean gzip)
    {
        this.file = file;
        this.displayName = displayName;
        this.gzip = gzip;
    }

    /**
     * @param gzipByName whether the name says {@code .csv.gz}: the content must then be gzip, and otherwise must not be
     */
    static CsvFile of(Path file, String displayName, boolean gzipByName)
    {
        boolean gzipContent;
        try (InputStream input = Files.newInputStream(file)) {
            gzipContent = input.read() == 0x1f && input.read() == 0x8b;
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot read the local copy: " + e.getMessage(), e);
        }
        if (gzipByName && !gzipContent) {
            throw new InvalidInputException(displayName, "is named .csv.gz but is not gzip-compressed");
        }
        if (!gzipByName && gzipContent) {
            throw new InvalidInputException(displayName, "is gzip-compressed but not named .csv.gz");
        }
        return new CsvFile(file, displayName, gzipContent);
    }

    Path path()
    {
        return file;
    }

    boolean gzip()
    {
        return gzip;
    }

    /** The decompressed bytes. */
    InputStream open()
            throws IOException
    {
        InputStream input = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gzip ? new GZIPInputStream(input, 1 << 16) : input;
    }

    /**
     * Reads the whole file once: the gzip stream must be complete and intact, and no line longer than {@link #MAX_LINE_BYTES}.
     *
     * @throws InvalidInputException naming the line, or the broken compression
     * @throws ValidationFaultException when the file cannot be read for another reason
     */
    void check()
    {
        long line = 1;
        long length = 0;
        byte previous = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream input = open()) {
            for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
                for (int index = 0; index < read; index++) {
                    byte next = buffer[index];
                    if (next == '\n') {
                        if (tooLong(length, previous)) {
                            throw longLine(line);
                        }
                        line++;
                        length = 0;
                    }
                    else if (++length > MAX_LINE_BYTES + 1) {
                        throw longLine(line);
                    }
                    previous = next;
                }
            }
            if (tooLong(length, previous)) {
                throw longLine(line);
            }
        }
        catch (EOFException e) {
            throw new InvalidInputException(displayName, "the gzip stream is truncated: the file ends before its compressed data does");
        }
        catch (ZipException e) {
            throw new InvalidInputException(displayName, OptionalLong.empty(), Optional.empty(), "the gzip stream is corrupt: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot read the local copy: " + e.getMessage(), e);
        }
    }

    /**
     * What the typed read needs checked of an uncompressed file: its last line, the one line DuckDB drops silently when
     * it is too long (it refuses any other long line, and the staged path then runs {@link #check()} for the line
     * number). Reads at most the last {@link #MAX_LINE_BYTES} + 2 bytes; when the last line is too long, reads the whole
     * file to name the first long line.
     *
     * @throws InvalidInputException naming the line
     * @throws ValidationFaultException when the file cannot be read for another reason
     */
    void checkEnd()
    {
        if (gzip) {
            check();
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, MAX_LINE_BYTES + 2L);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            long position = size - tail;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    break;
                }
            }
            byte[] bytes = buffer.array();
            int end = buffer.position();
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
            }
            int start = end - 1;
            while (start >= 0 && bytes[start] != '\n') {
                start--;
            }
            boolean wholeLineSeen = start >= 0 || position == 0;
            if (!wholeLineSeen || tooLong(end - start - 1, end > 0 ? bytes[end - 1] : 0)) {
                check();
            }
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot read the local copy: " + e.getMessage(), e);
        }
    }

    /** A line break may be CRLF: the CR does not count. */
    private static boolean tooLong(long length, byte last)
    {
        return length > MAX_LINE_BYTES && !(length == MAX_LINE_BYTES + 1 && last == '\r');
    }

    private InvalidInputException longLine(long line)
    {
        return new InvalidInputException(displayName, OptionalLong.of(line), Optional.empty(),
                String.format("the line is longer than %,d bytes", MAX_LINE_BYTES), null);
    }

    /**
     * The physical line (1-based; the header is line 1) on which a record starts, counting as DuckDB reads:
     * empty lines are skipped, and line breaks inside double quotes belong to the record.
     *
     * @param record 0 for the header, 1 for the first row
     */
    long lineOfRecord(long record)
    {
        long line = 1;
        long current = -1;
        boolean quoted = false;
        boolean lineEmpty = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream input = open()) {
            for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
                for (int index = 0; index < read; index++) {
                    byte next = buffer[index];
                    if (next == '\n') {
                        line++;
                        if (!quoted) {
                            lineEmpty = true;
                        }
                        continue;
                    }
                    if (next == '\r') {
                        continue;
                    }
                    if (lineEmpty && !quoted) {
                        lineEmpty = false;
                        current++;
                        if (current == record) {
                            return line;
                        }
                    }
                    if (next == '"') {
                        quoted = !quoted;
                    }
                }
            }
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot read the local copy: " + e.getMessage(), e);
        }
        return line;
    }
}
