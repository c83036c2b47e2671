package io.duckstep.core.load;

import io.duckstep.core.duckdb.SqlText;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The value rules of a transactions file, in one place, as DuckDB expressions over the text of each column:
 * when a value is refused ({@link #checks()}, in column order, each with the problem it reports) and what an
 * accepted value becomes ({@link #typedSelect()}). Every path that reads transactions uses these.
 *
 * <ul>
 * <li>{@code Invoice}, {@code StockCode}: required; surrounding space is dropped.</li>
 * <li>{@code Quantity}: required, a whole number written in digits (an optional sign, and an optional
 * {@code .0} fraction as some exports write), within INTEGER; {@code 1.5}, {@code 1e3}, {@code 0x10},
 * {@code 1_000} and {@code 1,000} are refused, never rounded or guessed.</li>
 * <li>{@code InvoiceDate}: required; {@code YYYY-MM-DD[ HH:MM[:SS[.ffffff]]]} (also with {@code T}), US-style
 * {@code M/D/YY H:MM[:SS]} or {@code M/D/YYYY H:MM[:SS]} (month first: day-first dates cannot be told apart
 * and are refused), or an Excel date serial (1900 system, rounded to the second); from 1900-01-01 to
 * 2099-12-31.</li>
 * <li>{@code Price}: required, a number as DuckDB reads a DOUBLE (optionally with an exponent, {@code 1.5e2});
 * NaN, infinities and numbers beyond DOUBLE's range ({@code 1e309}) are refused; {@code -0} is 0.</li>
 * <li>{@code Customer ID}: empty (NULL) or a whole number within INTEGER, also written {@code 13085.0}.</li>
 * <li>No text value may hold a NUL character.</li>
 * </ul>
 */
final class TransactionsValues
{
    static final String FIRST_DATE = "1900-01-01";
    static final String END_DATE = "2100-01-01";
    private static final List<String> DATE_FORMATS = List.of(
            "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d",
            "%m/%d/%y %H:%M", "%m/%d/%Y %H:%M", "%m/%d/%y %H:%M:%S", "%m/%d/%Y %H:%M:%S");
    private static final String SIGNED_WHOLE_NUMBER = "'[+-]?[0-9]+(\\.0*)?'";
    private static final String UNSIGNED_WHOLE_NUMBER = "'[0-9]+(\\.0*)?'";
    /** What the typed read calls the whole numbers it computes once, before the checks and the select use them. */
    private static final String QUANTITY_VALUE = "\"duckstep Quantity\"";
    private static final String CUSTOMER_ID_VALUE = "\"duckstep Customer ID\"";

    private TransactionsValues() {}

    /**
     * @param condition true when the staged text value is refused
     * @param typedCondition the same rule over a row of {@link #typedRead()}, where Price and InvoiceDate are already typed
     */
    record Check(String column, String condition, String typedCondition, String problem)
    {
        Check(String column, String condition, String problem)
        {
            this(column, condition, condition, problem);
        }
    }

    static List<Check> checks()
    {
        return List.of(
                new Check("Invoice", blank("Invoice"), "missing invoice number"),
                new Check("Invoice", hasNul("Invoice"), "contains a NUL character"),
                new Check("StockCode", blank("StockCode"), "missing stock code"),
                new Check("StockCode", hasNul("StockCode"), "contains a NUL character"),
                new Check("Description", hasNul("Description"), "contains a NUL character"),
                new Check("Quantity", quantity() + " IS NULL", QUANTITY_VALUE + " IS NULL", "not an integer quantity"),
                new Check("InvoiceDate", blank("InvoiceDate") + " OR " + invoiceDate() + " IS NULL", "InvoiceDate IS NULL", "not a date and time"),
                new Check("InvoiceDate", "NOT (" + inDateRange(invoiceDate()) + ")", "NOT (" + inDateRange("InvoiceDate") + ")",
                        "outside the accepted dates " + FIRST_DATE + " to 2099-12-31"),
                new Check("Price", "TRY_CAST(trim(Price) AS DOUBLE) IS NULL", "Price IS NULL", "not a number"),
                new Check("Price", "NOT isfinite(TRY_CAST(trim(Price) AS DOUBLE))", "NOT isfinite(Price)", "not a finite number"),
                new Check("Customer ID", "NOT " + blank("\"Customer ID\"") + " AND " + customerId() + " IS NULL",
                        "NOT " + blank("\"Customer ID\"") + " AND " + CUSTOMER_ID_VALUE + " IS NULL", "not an integer customer id"),
                new Check("Country", hasNul("Country"), "contains a NUL character"));
    }

    /**
     * The columns of the typed CSV read ({@code read_csv}'s {@code columns}): Price as DOUBLE and InvoiceDate as
     * TIMESTAMP in {@link #TYPED_TIMESTAMP_FORMAT}, which DuckDB parses exactly as the staged rules do
     * ({@code TRY_CAST(trim(Price) AS DOUBLE)}, {@code TRY_STRPTIME(trim(InvoiceDate), ...)}); the rest as text,
     * because DuckDB's integer parsing rounds {@code 1.5} and reads {@code 1e3} and {@code 0x10}.
     */
    static String typedRead()
    {
        return TransactionsSchema.COLUMNS.stream()
                .map(column -> SqlText.literal(column.name()) + ": " + SqlText.literal(EXACTLY_PARSED_TYPES.contains(column.type()) ? column.type() : "VARCHAR"))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static final String TYPED_TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S";
    /** The schema types the typed read parses itself: DuckDB reads them exactly as the staged rules do. */
    private static final Set<String> EXACTLY_PARSED_TYPES = Set.of("TIMESTAMP", "DOUBLE");

    /**
     * The typed columns, in schema order, from the rows of {@code typedRead} (a {@code read_csv} with the columns of
     * {@link #typedRead()}), with every rule checked in the same pass: a refused value stops the statement with
     * {@code error()} (the caller then explains it). The whole numbers are computed once, in an inner projection,
     * and both checked and selected from there (computing them in the check and again in the select cost more than
     * the rest of the validation).
     */
    static String typedReadQuery(String typedRead)
    {
        String refused = checks().stream().map(check -> "(" + check.typedCondition() + ")").collect(Collectors.joining(" OR "));
        return "SELECT CASE WHEN " + refused + " THEN error('" + REFUSED + "') ELSE trim(Invoice) END AS Invoice, trim(StockCode) AS StockCode, Description, "
                + QUANTITY_VALUE + " AS Quantity, InvoiceDate, Price + 0.0 AS Price, "
                + CUSTOMER_ID_VALUE + " AS \"Customer ID\", nullif(trim(Country), '') AS Country"
                + " FROM (SELECT *, " + quantity() + " AS " + QUANTITY_VALUE + ", " + customerId() + " AS " + CUSTOMER_ID_VALUE + " FROM " + typedRead + ")";
    }

    static final String REFUSED = "duckstep: a value is refused";

    /** The typed columns, in schema order, of rows that passed {@link #checks()}. */
    static String typedSelect()
    {
        return "trim(Invoice) AS Invoice, trim(StockCode) AS StockCode, Description, "
                + quantity() + " AS Quantity, " + invoiceDate() + " AS InvoiceDate, CAST(trim(Price) AS DOUBLE) + 0.0 AS Price, "
                + customerId() + " AS \"Customer ID\", nullif(trim(Country), '') AS Country";
    }

    /** Written exactly as DuckDB writes the INTEGER it reads (the common case, checked without a regular expression). */
    private static String canonicalInteger(String column)
    {
        return "coalesce(CAST(TRY_CAST(" + column + " AS INTEGER) AS VARCHAR) = " + column + ", false)";
    }

    private static String inDateRange(String timestamp)
    {
        return timestamp + " >= TIMESTAMP '" + FIRST_DATE + "' AND " + timestamp + " < TIMESTAMP '" + END_DATE + "'";
    }

    private static String blank(String column)
    {
        return "nullif(trim(" + column + "), '') IS NULL";
    }

    private static String hasNul(String column)
    {
        return "coalesce(contains(" + column + ", chr(0)), false)";
    }

    /** The quantity's INTEGER, or NULL when its text is refused. */
    private static String quantity()
    {
        return wholeNumber("Quantity", "", SIGNED_WHOLE_NUMBER);
    }

    /** The customer id's INTEGER, or NULL when its text is empty or refused (negative ids are refused). */
    private static String customerId()
    {
        return wholeNumber("\"Customer ID\"", " AND NOT starts_with(\"Customer ID\", '-')", UNSIGNED_WHOLE_NUMBER);
    }

    /**
     * The INTEGER a whole number's text stands for, or NULL when the text is refused: written exactly as DuckDB writes
     * the INTEGER (the common case, without a regular expression), or matching {@code pattern} once trimmed, with
     * the part before any {@code .0} within INTEGER.
     */
    private static String wholeNumber(String column, String canonicalAlso, String pattern)
    {
        return "CASE WHEN " + canonicalInteger(column) + canonicalAlso + " THEN TRY_CAST(" + column + " AS INTEGER) "
                + "WHEN regexp_full_match(trim(" + column + "), " + pattern + ") THEN TRY_CAST(split_part(trim(" + column + "), '.', 1) AS INTEGER) END";
    }

    /** A timestamp from any accepted text form, or from an Excel date serial. */
    private static String invoiceDate()
    {
        String formats = DATE_FORMATS.stream().map(SqlText::literal).collect(Collectors.joining(", ", "[", "]"));
        return "coalesce(TRY_STRPTIME(trim(InvoiceDate), " + formats + "), "
                + "CASE WHEN regexp_full_match(trim(InvoiceDate), '[0-9]{1,6}(\\.[0-9]+)?') "
                + "THEN TIMESTAMP '1899-12-30' + to_seconds(round(CAST(trim(InvoiceDate) AS DOUBLE) * 86400)::BIGINT) END)";
    }
}
