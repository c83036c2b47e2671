package io.duckstep.core.load;

import io.duckstep.contract.UploadTypes;
import io.duckstep.core.duckdb.DuckDbErrors;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ValidationFaultException;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipException;

import static io.duckstep.core.load.TransactionsSchema.COLUMNS;

/**
 * Validates an Online Retail II transactions file and loads it, typed, into a DuckDB table.
 *
 * <p>Formats, by file name ({@link #FILE_TYPES}): {@code .csv}, {@code .csv.gz}, {@code .parquet} and
 * {@code .xlsx} (first sheet, read by a streaming reader). DuckDB reads the data: the file is first staged
 * with every column as text (so nothing is silently coerced), then one query finds the first value that
 * {@link TransactionsValues} refuses, and one statement writes the typed table. A problem with the file
 * raises {@link InvalidInputException} naming the file, the line (the physical line of a CSV file, the header
 * being line 1; the sheet row of a workbook; the row of a Parquet file) and the column. A problem that is
 * not the file's (memory, I/O, interruption) raises {@link ValidationFaultException}, which is retried and
 * never quarantines the file.
 *
 * <p>Text is UTF-8, or Latin-1 (as in the common Kaggle export) when the file is not valid UTF-8: the
 * fallback is reported in {@link LoadedTransactions#notes()}. Cancellations, zero prices and descriptions
 * are kept exactly as they are: queries decide what they mean.
 */
public final class TransactionsReader
{
    /** The file types accepted, by the end of the file name (case-insensitive): the workflow's {@link UploadTypes}. */
    public static final List<String> FILE_TYPES = UploadTypes.SUFFIXES;

    private static final String STAGING = "duckstep_staging";

    private final boolean typedFastPath;

    public TransactionsReader()
    {
        this(true);
    }

    /**
     * @param typedFastPath read a CSV file typed, straight to the target, in one pass; the staged path only
     * explains what that read refused (tests compare the two)
     */
    TransactionsReader(boolean typedFastPath)
    {
        this.typedFastPath = typedFastPath;
    }

    /**
     * Validates {@code file} and creates (or replaces) {@code targetTable} with its typed rows, in file order.
     *
     * @param displayName what messages call the file, for example the upload's original location
     * @param targetTable a table name, optionally schema-qualified
     * @throws InvalidInputException when the file is missing, empty, of an unknown format, has the wrong
     * header, is malformed or holds a value that is refused
     * @throws ValidationFaultException when reading fails for a reason that is not the file's
     */
    public LoadedTransactions load(Connection connection, Path file, String displayName, String targetTable)
    {
        String table = SqlText.qualifiedName(targetTable);
        return write(connection, file, displayName, new Target("CREATE OR REPLACE TABLE " + table + " AS ", "", "SELECT count(*) FROM " + table, "DROP TABLE IF EXISTS " + table));
    }

    /**
     * Validates {@code file} and writes its typed rows, in file order, as one zstd-compressed Parquet file.
     *
     * @throws InvalidInputException as {@link #load}
     * @throws ValidationFaultException as {@link #load}, and when the Parquet file cannot be written
     */
    public LoadedTransactions copyToParquet(Connection connection, Path file, String displayName, Path parquet)
    {
        String location = SqlText.literal(parquet.toAbsolutePath().toString());
        try {
            return write(connection, file, displayName, new Target("COPY (", ") TO " + location + " (FORMAT parquet, COMPRESSION zstd)",
                    "SELECT count(*) FROM read_parquet(" + location + ")", null));
        }
        catch (RuntimeException e) {
            deleteQuietly(parquet);
            throw e;
        }
    }

    /**
     * Where typed rows go: {@code prefix + SELECT + suffix} writes them, {@code count} counts them, {@code discard}
     * (if any) removes what a refused read wrote.
     */
    private record Target(String prefix, String suffix, String count, String discard)
    {
        String write(String select)
        {
            return prefix + select + suffix;
        }
    }

    private LoadedTransactions write(Connection connection, Path file, String displayName, Target target)
    {
        String type = checkFile(file, displayName);
        List<String> notes = new ArrayList<>();
        try {
            String encoding = "UTF-8";
            Optional<CsvFile> csv = Optional.empty();
            switch (type) {
                case ".parquet" -> stageParquet(connection, file, displayName);
                case ".xlsx" -> stageWorkbook(connection, file, displayName);
                default -> {
                    csv = Optional.of(CsvFile.of(file, displayName, type.equals(".csv.gz")));
                    checkCsvHeader(csv.get(), displayName);
                    // the typed read needs only the end of an uncompressed file checked; the staged path needs every line
                    FutureTask<Void> check = startCheck(csv.get(), typedFastPath);
                    OptionalLong rows = typedFastPath ? readTyped(connection, csv.get(), displayName, target, check) : OptionalLong.empty();
                    try {
                        awaitCheck(check, displayName);
                    }
                    catch (RuntimeException e) {
                        if (rows.isPresent()) {
                            discard(connection, target);
                        }
                        throw e;
                    }
                    if (rows.isPresent()) {
                        return new LoadedTransactions(rows.getAsLong(), encoding, notes, true);
                    }
                    if (typedFastPath && !csv.get().gzip()) {
                        csv.get().check();
                    }
                    encoding = stageCsv(connection, csv.get(), displayName, notes);
                }
            }
            try {
                findFirstBadValue(connection, displayName, type, csv);
                execute(connection, target.write("SELECT " + TransactionsValues.typedSelect() + " FROM " + STAGING));
                return new LoadedTransactions(longValue(connection, target.count()), encoding, notes, false);
            }
            finally {
                execute(connection, "DROP TABLE IF EXISTS " + STAGING);
            }
        }
        catch (SQLException e) {
            throw duckDbFailure(connection, displayName, e, "cannot be read: ");
        }
        catch (OutOfMemoryError e) {
            throw new ValidationFaultException(displayName + ": ran out of Java heap while validating; give the process more memory and run again", e);
        }
    }

    /**
     * The fast path: one typed {@code read_csv} straight into the target, every rule checked in the same pass.
     *
     * @return the rows written, or nothing when the read or a rule refused something (or the file has no rows):
     * the staged path then explains it with file, line and column, or reads what the typed read does not
     * (Latin-1 text, other date formats, a Customer ID written 13085.0 is read here too)
     * @throws ValidationFaultException for a fault, which the staged path would only repeat
     */
    private static OptionalLong readTyped(Connection connection, CsvFile csv, String displayName, Target target, FutureTask<Void> check)
    {
        try {
            execute(connection, target.write(TransactionsValues.typedReadQuery(
                    readCsv(csv, "utf-8", "timestampformat = " + SqlText.literal(TransactionsValues.TYPED_TIMESTAMP_FORMAT) + ", columns = " + TransactionsValues.typedRead()))));
            long rows = longValue(connection, target.count());
            if (rows > 0) {
                return OptionalLong.of(rows);
            }
            discard(connection, target);
            return OptionalLong.empty();
        }
        catch (SQLException e) {
            if (DuckDbErrors.isFault(e)) {
                awaitCheck(check, displayName);
                throw duckDbFailure(connection, displayName, e, "");
            }
            return OptionalLong.empty();
        }
    }

    private static void discard(Connection connection, Target target)
            throws SQLException
    {
        if (target.discard() != null) {
            execute(connection, target.discard());
        }
    }

    private static FutureTask<Void> startCheck(CsvFile csv, boolean endOnly)
    {
        FutureTask<Void> check = new FutureTask<>(endOnly ? csv::checkEnd : csv::check, null);
        Thread checker = new Thread(check, "duckstep-csv-check");
        checker.setDaemon(true);
        checker.start();
        return check;
    }

    /**
     * @return the file's type, one of {@link #FILE_TYPES}
     */
    static String checkFile(Path file, String displayName)
    {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(displayName, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException(displayName, "file does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(displayName, "is not a regular file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new InvalidInputException(displayName, "file is empty");
            }
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot read the local copy: " + e.getMessage(), e);
        }
        return UploadTypes.typeOf(displayName)
                .orElseThrow(() -> new InvalidInputException(displayName, "unsupported file type: expected one of " + String.join(", ", FILE_TYPES)));
    }

    static void checkHeader(List<String> cells, String displayName)
    {
        List<String> named = new ArrayList<>(cells);
        // a trailing delimiter (an empty last cell) is tolerated, as DuckDB tolerates it on the rows
        while (named.size() > COLUMNS.size() && named.get(named.size() - 1).isBlank()) {
            named.remove(named.size() - 1);
        }
        boolean matches = named.size() == COLUMNS.size();
        for (int index = 0; matches && index < COLUMNS.size(); index++) {
            matches = TransactionsSchema.matches(COLUMNS.get(index), named.get(index));
        }
        if (!matches) {
            throw new InvalidInputException(displayName, OptionalLong.of(1), Optional.empty(),
                    "wrong header: expected " + String.join(",", TransactionsSchema.columnNames()) + " but found " + abbreviate(String.join(",", cells), 300), null);
        }
    }

    /**
     * Stages the rows as text (the caller has checked the header and the file).
     *
     * @return the encoding the text was read with
     */
    private static String stageCsv(Connection connection, CsvFile csv, String displayName, List<String> notes)
            throws SQLException
    {
        String encoding = "UTF-8";
        SQLException failure = null;
        try {
            execute(connection, "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS SELECT * FROM " + readCsv(csv, "utf-8"));
        }
        catch (SQLException e) {
            failure = e;
            if (!DuckDbErrors.isFault(e) && DuckDbErrors.firstLines(e, 3).contains("Invalid unicode")) {
                // Not UTF-8: the common Kaggle export of this data set is Latin-1 (for example its pound sign).
                encoding = "ISO-8859-1";
                notes.add(displayName + ": not valid UTF-8" + DuckDbErrors.line(e).stream().mapToObj(line -> " (first at line " + line + ")").findFirst().orElse("")
                        + ": read as Latin-1 (ISO-8859-1)");
                failure = null;
                try {
                    execute(connection, "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS SELECT * FROM " + readCsv(csv, "latin-1"));
                }
                catch (SQLException latin1) {
                    failure = latin1;
                }
            }
        }
        if (failure != null) {
            if (DuckDbErrors.isFault(failure)) {
                throw duckDbFailure(connection, displayName, failure, "");
            }
            throw new InvalidInputException(displayName, DuckDbErrors.line(failure), Optional.empty(), "malformed CSV: " + DuckDbErrors.csvProblem(failure), failure);
        }
        if (count(connection, STAGING) == 0) {
            throw new InvalidInputException(displayName, "contains a header but no rows");
        }
        return encoding;
    }

    /** Every column as text, exactly as written; the rules decide what the text means. */
    static String readCsv(CsvFile csv, String encoding)
    {
        return readCsv(csv, encoding, "columns = " + COLUMNS.stream().map(column -> SqlText.literal(column.name()) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}")));
    }

    private static String readCsv(CsvFile csv, String encoding, String options)
    {
        return "read_csv(" + SqlText.literal(csv.path().toAbsolutePath().toString())
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', strict_mode = true"
                + ", compression = " + (csv.gzip() ? "'gzip'" : "'none'") + ", max_line_size = " + (CsvFile.MAX_LINE_BYTES + 2)
                + ", encoding = " + SqlText.literal(encoding) + ", " + options + ")";
    }

    private static void awaitCheck(FutureTask<Void> check, String displayName)
    {
        try {
            check.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationFaultException(displayName + ": interrupted while validating", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ValidationFaultException(displayName + ": cannot validate: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Reads the first line itself (a few bytes, not the data) to check the header before DuckDB reads the rest.
     */
    private static void checkCsvHeader(CsvFile csv, String displayName)
    {
        byte[] firstLine;
        try (InputStream input = csv.open()) {
            firstLine = readLine(input);
        }
        catch (EOFException | ZipException e) {
            throw new InvalidInputException(displayName, OptionalLong.empty(), Optional.empty(), "the gzip stream is truncated or corrupt: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot read the local copy: " + e.getMessage(), e);
        }
        String header = new String(firstLine, isUtf8(firstLine) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        checkHeader(CsvLine.split(header), displayName);
    }

    private static void stageWorkbook(Connection connection, Path file, String displayName)
            throws SQLException
    {
        Path csv;
        try {
            csv = Files.createTempFile("duckstep-workbook-", ".csv");
        }
        catch (IOException e) {
            throw new ValidationFaultException(displayName + ": cannot create a temporary file: " + e.getMessage(), e);
        }
        try {
            WorkbookToCsv.convert(file, csv, displayName);
            String columns = "{'source_line': 'BIGINT', " + COLUMNS.stream().map(column -> SqlText.literal(column.name()) + ": 'VARCHAR'").collect(Collectors.joining(", ")) + "}";
            execute(connection, "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS SELECT * FROM read_csv(" + SqlText.literal(csv.toAbsolutePath().toString())
                    + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', strict_mode = true, compression = 'none'"
                    + ", max_line_size = " + (CsvFile.MAX_LINE_BYTES * 2 + 100) + ", columns = " + columns + ")");
        }
        finally {
            try {
                Files.deleteIfExists(csv);
            }
            catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
        if (count(connection, STAGING) == 0) {
            throw new InvalidInputException(displayName, "contains a header but no rows");
        }
    }

    private static void stageParquet(Connection connection, Path parquet, String displayName)
            throws SQLException
    {
        String source = "read_parquet(" + SqlText.literal(parquet.toAbsolutePath().toString()) + ")";
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM " + source + ")")) {
            while (columns.next()) {
                found.add(columns.getString(1));
            }
        }
        catch (SQLException e) {
            if (DuckDbErrors.isFault(e)) {
                throw e;
            }
            throw new InvalidInputException(displayName, OptionalLong.empty(), Optional.empty(), "cannot be read as Parquet: " + DuckDbErrors.firstLines(e, 2), e);
        }
        checkHeader(found, displayName);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int index = 0; index < COLUMNS.size(); index++) {
            if (index > 0) {
                select.append(", ");
            }
            select.append("CAST(").append(SqlText.identifier(found.get(index))).append(" AS VARCHAR) AS ").append(SqlText.identifier(COLUMNS.get(index).name()));
        }
        execute(connection, "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS " + select + " FROM " + source);
        if (count(connection, STAGING) == 0) {
            throw new InvalidInputException(displayName, "contains no rows");
        }
    }

    /**
     * One scan finds the first value, in file order, that a rule of {@link TransactionsValues} refuses.
     */
    private static void findFirstBadValue(Connection connection, String displayName, String type, Optional<CsvFile> csv)
            throws SQLException
    {
        List<TransactionsValues.Check> checks = TransactionsValues.checks();
        StringBuilder flags = new StringBuilder();
        StringBuilder column = new StringBuilder("CASE");
        StringBuilder value = new StringBuilder("CASE");
        StringBuilder problem = new StringBuilder("CASE");
        for (int index = 0; index < checks.size(); index++) {
            TransactionsValues.Check check = checks.get(index);
            flags.append(", (").append(check.condition()).append(") AS bad_").append(index);
            column.append(" WHEN bad_").append(index).append(" THEN ").append(SqlText.literal(check.column()));
            value.append(" WHEN bad_").append(index).append(" THEN ").append(SqlText.identifier(check.column()));
            problem.append(" WHEN bad_").append(index).append(" THEN ").append(SqlText.literal(check.problem()));
        }
        String anyBad = IntStream.range(0, checks.size()).mapToObj(index -> "bad_" + index).collect(Collectors.joining(" OR "));
        String position = type.equals(".xlsx") ? "source_line" : "rowid";
        String query = "SELECT position, " + column + " END, " + value + " END, " + problem + " END "
                + "FROM (SELECT " + position + " AS position, *" + flags + " FROM " + STAGING + ") WHERE " + anyBad + " ORDER BY position LIMIT 1";
        try (Statement statement = connection.createStatement();
                ResultSet bad = statement.executeQuery(query)) {
            if (bad.next()) {
                long position1 = bad.getLong(1);
                long line = switch (type) {
                    case ".xlsx" -> position1;
                    case ".parquet" -> position1 + 1;
                    default -> csv.orElseThrow().lineOfRecord(position1 + 1);
                };
                String text = bad.getString(3);
                throw new InvalidInputException(displayName, OptionalLong.of(line), Optional.of(bad.getString(2)),
                        bad.getString(4) + ": " + (text == null || text.isBlank() ? "(empty)" : "'" + abbreviate(text.replace("\0", "\\0"), 60) + "'"), null);
            }
        }
    }

    /** A DuckDB failure: a fault to retry, or a problem with the file. */
    private static RuntimeException duckDbFailure(Connection connection, String displayName, SQLException e, String prefix)
    {
        if (!DuckDbErrors.isFault(e)) {
            return new InvalidInputException(displayName, DuckDbErrors.line(e), Optional.empty(), prefix + DuckDbErrors.firstLines(e, 3), e);
        }
        if (DuckDbErrors.isOutOfMemory(e)) {
            return new ValidationFaultException(displayName + ": ran out of memory while validating (DuckDB memory_limit " + memoryLimit(connection)
                    + "): raise DUCKSTEP_MEMORY_LIMIT (on AWS, the function's memory size) and run again. DuckDB: " + DuckDbErrors.firstLines(e, 1), e);
        }
        return new ValidationFaultException(displayName + ": validation failed for a reason that is not the file's, run again: " + DuckDbErrors.firstLines(e, 2), e);
    }

    private static String memoryLimit(Connection connection)
    {
        try (Statement statement = connection.createStatement();
                ResultSet limit = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            return limit.next() ? limit.getString(1) : "unknown";
        }
        catch (SQLException e) {
            return "unknown";
        }
    }

    private static long count(Connection connection, String table)
            throws SQLException
    {
        return longValue(connection, "SELECT count(*) FROM " + table);
    }

    private static long longValue(Connection connection, String query)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void deleteQuietly(Path file)
    {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    private static byte[] readLine(InputStream input)
            throws IOException
    {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = input.read(); next != -1 && next != '\n' && line.size() < 64 * 1024; next = input.read()) {
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toByteArray();
    }

    private static boolean isUtf8(byte[] bytes)
    {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String abbreviate(String value, int length)
    {
        return value.length() <= length ? value : value.substring(0, length - 3) + "...";
    }
}
