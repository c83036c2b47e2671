package io.duckstep.core.load;

import io.duckstep.core.duckdb.SqlText;

import java.util.List;
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
 * <li>{@code Price}: required, a decimal number (optionally with an exponent, {@code 1.5e2}); NaN,
 * infinities and numbers beyond DOUBLE's range ({@code 1e309}) are refused; {@code -0} is 0.</li>
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
    private static final String WHOLE_NUMBER = "'[+-]?[0-9]+(\\.0*)?'";
    private static final String DECIMAL_NUMBER = "'[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?'";

    private TransactionsValues() {}

    record Check(String column, String condition, String problem) {}

    static List<Check> checks()
    {
        return List.of(
                new Check("Invoice", blank("Invoice"), "missing invoice number"),
                new Check("Invoice", hasNul("Invoice"), "contains a NUL character"),
                new Check("StockCode", blank("StockCode"), "missing stock code"),
                new Check("StockCode", hasNul("StockCode"), "contains a NUL character"),
                new Check("Description", hasNul("Description"), "contains a NUL character"),
                new Check("Quantity", "NOT coalesce(regexp_full_match(trim(Quantity), " + WHOLE_NUMBER + "), false) OR " + quantity("TRY_CAST") + " IS NULL",
                        "not an integer quantity"),
                new Check("InvoiceDate", blank("InvoiceDate") + " OR " + invoiceDate() + " IS NULL", "not a date and time"),
                new Check("InvoiceDate", "NOT (" + invoiceDate() + " >= TIMESTAMP '" + FIRST_DATE + "' AND " + invoiceDate() + " < TIMESTAMP '" + END_DATE + "')",
                        "outside the accepted dates " + FIRST_DATE + " to 2099-12-31"),
                new Check("Price", "NOT coalesce(regexp_full_match(trim(Price), " + DECIMAL_NUMBER + "), false)", "not a number"),
                new Check("Price", "NOT isfinite(TRY_CAST(trim(Price) AS DOUBLE))", "out of range: beyond the largest DOUBLE"),
                new Check("Customer ID", "NOT " + blank("\"Customer ID\"") + " AND (NOT coalesce(regexp_full_match(trim(\"Customer ID\"), '[0-9]+(\\.0*)?'), false) OR "
                        + customerId("TRY_CAST") + " IS NULL)", "not an integer customer id"),
                new Check("Country", hasNul("Country"), "contains a NUL character"));
    }

    /** The typed columns, in schema order, of rows that passed {@link #checks()}. */
    static String typedSelect()
    {
        return "trim(Invoice) AS Invoice, trim(StockCode) AS StockCode, Description, "
                + quantity("CAST") + " AS Quantity, " + invoiceDate() + " AS InvoiceDate, CAST(trim(Price) AS DOUBLE) + 0.0 AS Price, "
                + customerId("TRY_CAST") + " AS \"Customer ID\", nullif(trim(Country), '') AS Country";
    }

    private static String blank(String column)
    {
        return "nullif(trim(" + column + "), '') IS NULL";
    }

    private static String hasNul(String column)
    {
        return "coalesce(contains(" + column + ", chr(0)), false)";
    }

    private static String quantity(String cast)
    {
        return cast + "(split_part(trim(Quantity), '.', 1) AS INTEGER)";
    }

    private static String customerId(String cast)
    {
        return "CASE WHEN regexp_full_match(trim(\"Customer ID\"), '[0-9]+(\\.0*)?') THEN " + cast + "(split_part(trim(\"Customer ID\"), '.', 1) AS INTEGER) END";
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
