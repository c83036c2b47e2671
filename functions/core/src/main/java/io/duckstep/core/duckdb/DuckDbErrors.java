package io.duckstep.core.duckdb;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that reads DuckDB's error texts: whether an error is a fault of the machine (memory,
 * I/O, interruption, DuckDB itself), which is retried, or a problem with the data, which is the input's;
 * and the line a CSV error names.
 *
 * <p>DuckDB starts each message with its error type, for example {@code Out of Memory Error: ...},
 * {@code IO Error: ...}, {@code INTERRUPT Error: ...}, {@code Conversion Error: ...} or
 * {@code Invalid Input Error: ...}.
 */
public final class DuckDbErrors
{
    private static final List<String> FAULT_TYPES = List.of(
            "Out of Memory Error", "IO Error", "INTERRUPT Error", "Interrupted", "FATAL Error", "INTERNAL Error");
    /** Words of an {@code IO Error} that is about the input file's content rather than the machine. */
    private static final List<String> DATA_IO_WORDS = List.of("gzip", "zstd", "compress", "magic bytes", "parquet", "corrupt");
    private static final List<String> FAULT_WORDS = List.of("no space left on device", "could not allocate", "out of memory", "disk quota exceeded");
    private static final Pattern LINE = Pattern.compile("[Ll]ine:? (\\d+)");

    private DuckDbErrors() {}

    /**
     * @return whether the error is a fault (retry it) rather than a problem with the data
     */
    public static boolean isFault(SQLException error)
    {
        String message = message(error);
        String lower = message.toLowerCase(Locale.ROOT);
        if (FAULT_WORDS.stream().anyMatch(lower::contains)) {
            return true;
        }
        for (String type : FAULT_TYPES) {
            if (message.startsWith(type) || message.contains("\n" + type) || message.contains(": " + type)) {
                return !type.equals("IO Error") || DATA_IO_WORDS.stream().noneMatch(lower::contains);
            }
        }
        return false;
    }

    /** Whether the fault is DuckDB running out of memory (its {@code memory_limit} is what to change). */
    public static boolean isOutOfMemory(SQLException error)
    {
        String lower = message(error).toLowerCase(Locale.ROOT);
        return lower.contains("out of memory") || lower.contains("could not allocate");
    }

    /** The line a CSV error names ({@code CSV Error on Line: 4}), if any. */
    public static OptionalLong line(SQLException error)
    {
        Matcher line = LINE.matcher(message(error));
        return line.find() ? OptionalLong.of(Long.parseLong(line.group(1))) : OptionalLong.empty();
    }

    /**
     * What a CSV error says is wrong, without DuckDB's echo of the line and its option dump: the last line
     * before its "Possible fixes" (for example {@code Value with unterminated quote found.}).
     */
    public static String csvProblem(SQLException error)
    {
        List<String> lines = message(error).lines().toList();
        int end = 0;
        while (end < lines.size() && !lines.get(end).startsWith("Possible")) {
            end++;
        }
        for (int index = end - 1; index > 0; index--) {
            if (!lines.get(index).isBlank()) {
                return lines.get(index).strip();
            }
        }
        return firstLines(error, 1);
    }

    /** The first non-blank lines of the message, joined: DuckDB appends long hints and option dumps. */
    public static String firstLines(SQLException error, int lines)
    {
        return message(error).lines().filter(line -> !line.isBlank()).limit(lines).collect(Collectors.joining(" | "));
    }

    private static String message(SQLException error)
    {
        return error.getMessage() == null ? "" : error.getMessage();
    }
}
