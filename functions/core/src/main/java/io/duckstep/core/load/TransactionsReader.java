package io.duckstep.core.load;

import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.InvalidInputException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static io.duckstep.core.load.TransactionsSchema.COLUMNS;

/**
 * Validates an Online Retail II transactions file and loads it, typed, into a DuckDB table.
 *
 * <p>Formats, by file name: {@code .csv}, {@code .csv.gz} (any {@code .gz}), {@code .parquet} and {@code .xlsx}
 * (first sheet, read by a streaming reader). DuckDB reads the data: the file is first staged with every
 * column as text (so nothing is silently coerced), then one query finds the first value that does not
 * parse, and one statement writes the typed table. A problem raises {@link InvalidInputException} naming
 * the file, the line (the physical line of a CSV file, the header being line 1; the sheet row of a
 * workbook; the row of a Parquet file) and the column.
 *
 * <p>Accepted values:
 * <ul>
 * <li>text: UTF-8, or Latin-1 (as in the common Kaggle export) when the file is not valid UTF-8;</li>
 * <li>{@code Customer ID}: an integer, also written {@code 13085.0}; empty means NULL;</li>
 * <li>{@code InvoiceDate}: {@code YYYY-MM-DD HH:MM[:SS]} (also with {@code T}), US-style
 * {@code M/D/YY H:MM} or {@code M/D/YYYY H:MM[:SS]} (month first, as in the data set's exports; day-first
 * dates are not accepted because they cannot be told apart), or an Excel date serial (1900 system,
 * rounded to the second);</li>
 * <li>{@code Quantity} an integer, {@code Price} a number; both required.</li>
 * </ul>
 * Cancellations, zero prices and descriptions are kept exactly as they are: queries decide what they mean.
 * Line numbers of CSV files assume no quoted field spans several lines.
 */
public final class TransactionsReader
{
    private static final Pattern DUCKDB_LINE = Pattern.compile("[Ll]ine:? (\\d+)");
    private static final String STAGING = "duckstep_staging";
    private static final List<String> DATE_FORMATS = List.of(
            "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
            "%m/%d/%y %H:%M", "%m/%d/%Y %H:%M", "%m/%d/%y %H:%M:%S", "%m/%d/%Y %H:%M:%S");

    /**
     * Validates {@code file} and creates (or replaces) {@code targetTable} with its typed rows, in file order.
     *
     * @param displayName what messages call the file, for example the upload's original location
     * @param targetTable a table name, optionally schema-qualified
     * @return the number of rows loaded
     * @throws InvalidInputException when the file is missing, empty, of an unknown format, has the wrong
     * header, is malformed or holds a value that does not parse
     */
    public long load(Connection connection, Path file, String displayName, String targetTable)
    {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(displayName, "file does not exist");
        }
        if (size(file) == 0) {
            throw new InvalidInputException(displayName, "file is empty");
        }
        String name = displayName.toLowerCase(Locale.ROOT);
        try {
            String lineExpression;
            if (name.endsWith(".parquet")) {
                stageParquet(connection, file, displayName);
                lineExpression = "rowid + 1";
            }
            else if (name.endsWith(".xlsx")) {
                Path csv = Files.createTempFile("duckstep-workbook-", ".csv");
                try {
                    WorkbookToCsv.convert(file, csv, displayName);
                    stageCsv(connection, csv, displayName, "utf-8", true);
                }
                finally {
                    Files.deleteIfExists(csv);
                }
                lineExpression = "source_line";
            }
            else if (name.endsWith(".csv") || name.endsWith(".gz") || name.endsWith(".txt")) {
                checkCsvHeader(file, displayName);
                stageCsv(connection, file, displayName, "utf-8", false);
                lineExpression = "rowid + 2";
            }
            else {
                throw new InvalidInputException(displayName, "unsupported file type: expected .csv, .csv.gz, .parquet or .xlsx");
            }
            try {
                findFirstBadValue(connection, displayName, lineExpression);
                return insertTyped(connection, displayName, targetTable);
            }
            finally {
                execute(connection, "DROP TABLE IF EXISTS " + STAGING);
            }
        }
        catch (SQLException e) {
            throw new InvalidInputException(displayName, OptionalLong.empty(), Optional.empty(), "cannot be read: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + displayName, e);
        }
    }

    /**
     * Reads the first line itself (a few bytes, not the data) to check the header before DuckDB reads the rest.
     */
    private static void checkCsvHeader(Path file, String displayName)
            throws IOException
    {
        byte[] firstLine;
        try (InputStream input = open(file)) {
            firstLine = readLine(input);
        }
        String header = new String(firstLine, isUtf8(firstLine) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        checkHeader(CsvLine.split(header), displayName);
    }

    static void checkHeader(List<String> cells, String displayName)
    {
        boolean matches = cells.size() == COLUMNS.size();
        for (int index = 0; matches && index < COLUMNS.size(); index++) {
            matches = TransactionsSchema.matches(COLUMNS.get(index), cells.get(index));
        }
        if (!matches) {
            throw new InvalidInputException(displayName, OptionalLong.of(1), Optional.empty(),
                    "wrong header: expected " + String.join(",", TransactionsSchema.columnNames()) + " but found " + String.join(",", cells), null);
        }
    }

    private static void stageCsv(Connection connection, Path csv, String displayName, String encoding, boolean withSourceLine)
            throws SQLException
    {
        StringBuilder columns = new StringBuilder("{");
        if (withSourceLine) {
            columns.append("'source_line': 'BIGINT', ");
        }
        columns.append(COLUMNS.stream().map(column -> SqlText.literal(column.name()) + ": 'VARCHAR'").collect(Collectors.joining(", ")));
        columns.append('}');
        String read = "SELECT * FROM read_csv(" + SqlText.literal(csv.toAbsolutePath().toString())
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', strict_mode = true"
                + ", encoding = " + SqlText.literal(encoding) + ", columns = " + columns + ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE " + STAGING + " AS " + read);
        }
        catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (encoding.equals("utf-8") && message.contains("Invalid unicode")) {
                // Not UTF-8: the common Kaggle export of this data set is Latin-1 (for example its pound sign).
                stageCsv(connection, csv, displayName, "latin-1", withSourceLine);
                return;
            }
            Matcher line = DUCKDB_LINE.matcher(message);
            OptionalLong lineNumber = line.find() ? OptionalLong.of(Long.parseLong(line.group(1))) : OptionalLong.empty();
            throw new InvalidInputException(displayName, lineNumber, Optional.empty(), "malformed CSV: " + firstLines(message, 3), e);
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
            throw new InvalidInputException(displayName, OptionalLong.empty(), Optional.empty(), "cannot be read as Parquet: " + firstLines(e.getMessage(), 2), e);
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
     * One scan finds the first value, in file order, that is missing where required or does not parse.
     */
    private static void findFirstBadValue(Connection connection, String displayName, String lineExpression)
            throws SQLException
    {
        List<Check> checks = List.of(
                new Check("Invoice", "nullif(trim(Invoice), '') IS NULL", "missing invoice number"),
                new Check("StockCode", "nullif(trim(StockCode), '') IS NULL", "missing stock code"),
                new Check("Quantity", "nullif(trim(Quantity), '') IS NULL OR " + quantity() + " IS NULL", "not an integer quantity"),
                new Check("InvoiceDate", "nullif(trim(InvoiceDate), '') IS NULL OR " + invoiceDate() + " IS NULL", "not a date and time"),
                new Check("Price", "nullif(trim(Price), '') IS NULL OR " + price() + " IS NULL", "not a number"),
                new Check("Customer ID", "nullif(trim(\"Customer ID\"), '') IS NOT NULL AND " + customerId() + " IS NULL", "not an integer customer id"));
        StringBuilder flags = new StringBuilder();
        StringBuilder column = new StringBuilder("CASE");
        StringBuilder value = new StringBuilder("CASE");
        StringBuilder problem = new StringBuilder("CASE");
        for (int index = 0; index < checks.size(); index++) {
            Check check = checks.get(index);
            flags.append(", (").append(check.condition()).append(") AS bad_").append(index);
            column.append(" WHEN bad_").append(index).append(" THEN ").append(SqlText.literal(check.column()));
            value.append(" WHEN bad_").append(index).append(" THEN ").append(SqlText.identifier(check.column()));
            problem.append(" WHEN bad_").append(index).append(" THEN ").append(SqlText.literal(check.problem()));
        }
        String anyBad = String.join(" OR ", checks.stream().map(check -> "bad_" + checks.indexOf(check)).toList());
        String query = "SELECT line, " + column + " END, " + value + " END, " + problem + " END "
                + "FROM (SELECT " + lineExpression + " AS line, *" + flags + " FROM " + STAGING + ") WHERE " + anyBad + " ORDER BY line LIMIT 1";
        try (Statement statement = connection.createStatement();
                ResultSet bad = statement.executeQuery(query)) {
            if (bad.next()) {
                String text = bad.getString(3);
                throw new InvalidInputException(displayName, OptionalLong.of(bad.getLong(1)), Optional.of(bad.getString(2)),
                        bad.getString(4) + ": " + (text == null || text.isBlank() ? "(empty)" : "'" + abbreviate(text) + "'"), null);
            }
        }
    }

    private record Check(String column, String condition, String problem) {}

    /**
     * Writes the typed rows. No ORDER BY: DuckDB keeps the staging table's order (preserve_insertion_order),
     * and sorting millions of rows by rowid would cost more than the conversion itself.
     */
    private static long insertTyped(Connection connection, String displayName, String targetTable)
            throws SQLException
    {
        String select = "SELECT trim(Invoice) AS Invoice, trim(StockCode) AS StockCode, Description, "
                + quantity() + " AS Quantity, " + invoiceDate() + " AS InvoiceDate, " + price() + " AS Price, "
                + customerId() + " AS \"Customer ID\", nullif(trim(Country), '') AS Country FROM " + STAGING;
        execute(connection, "CREATE OR REPLACE TABLE " + SqlText.qualifiedName(targetTable) + " AS " + select);
        return count(connection, SqlText.qualifiedName(targetTable));
    }

    static String quantity()
    {
        return "TRY_CAST(trim(Quantity) AS INTEGER)";
    }

    static String price()
    {
        return "TRY_CAST(trim(Price) AS DOUBLE)";
    }

    /** An integer, also when written with a zero fraction such as {@code 13085.0}. */
    static String customerId()
    {
        return "CASE WHEN regexp_full_match(trim(\"Customer ID\"), '[0-9]+(\\.0*)?') THEN TRY_CAST(split_part(trim(\"Customer ID\"), '.', 1) AS INTEGER) END";
    }

    /** A timestamp from any accepted text form, or from an Excel date serial. */
    static String invoiceDate()
    {
        String formats = DATE_FORMATS.stream().map(SqlText::literal).collect(Collectors.joining(", ", "[", "]"));
        return "coalesce(TRY_STRPTIME(trim(InvoiceDate), " + formats + "), "
                + "CASE WHEN regexp_full_match(trim(InvoiceDate), '[0-9]{1,6}(\\.[0-9]+)?') "
                + "THEN TIMESTAMP '1899-12-30' + to_seconds(round(CAST(trim(InvoiceDate) AS DOUBLE) * 86400)::BIGINT) END)";
    }

    private static long count(Connection connection, String table)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
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

    private static InputStream open(Path file)
            throws IOException
    {
        InputStream input = new BufferedInputStream(Files.newInputStream(file));
        input.mark(2);
        int first = input.read();
        int second = input.read();
        input.reset();
        return first == 0x1f && second == 0x8b ? new BufferedInputStream(new GZIPInputStream(input)) : input;
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

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String value)
    {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static String firstLines(String message, int lines)
    {
        if (message == null) {
            return "";
        }
        return message.lines().filter(line -> !line.isBlank()).limit(lines).collect(Collectors.joining(" | "));
    }
}
