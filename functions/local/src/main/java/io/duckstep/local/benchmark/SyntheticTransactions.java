package io.duckstep.local.benchmark;

import io.duckstep.core.duckdb.SqlText;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Scales the real sample up for benchmarks, calibrated to it by construction: scale {@code k} is the
 * sample itself plus {@code k - 1} resampled copies. Each copy keeps every line's product, quantity,
 * date, country and cancellation status, so the distributions of products, countries, quantities and
 * cancellations stay the sample's; it gets its own invoices and its own customers (the sample's
 * customers shifted by {@code copy * 1,000,000}, NULL stays NULL), so the number of customers grows with
 * the scale while the spend per customer keeps its shape; and its prices are the sample's with a
 * deterministic jitter of up to ±10% per line, so elasticities differ between copies. DuckDB generates
 * everything; no Java touches a row.
 */
public final class SyntheticTransactions
{
    static final int CUSTOMER_OFFSET = 1_000_000;

    private SyntheticTransactions() {}

    /**
     * Creates {@code target} from the typed table {@code sample} at the given scale.
     */
    public static void generate(Connection connection, String sample, int scale, String target)
            throws SQLException
    {
        if (scale < 1 || scale > 1000) {
            throw new IllegalArgumentException("scale must be between 1 and 1000, was " + scale);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TABLE " + SqlText.qualifiedName(target) + " AS "
                    + "SELECT "
                    + "  CASE WHEN copy = 0 THEN Invoice ELSE Invoice || '-' || copy END AS Invoice, "
                    + "  StockCode, Description, Quantity, InvoiceDate, "
                    + "  CASE WHEN copy = 0 THEN Price "
                    + "       ELSE round(Price * (0.9 + 0.2 * ((hash(copy, line) % 10007) / 10006.0)), 2) END AS Price, "
                    + "  CASE WHEN copy = 0 THEN \"Customer ID\" ELSE \"Customer ID\" + copy * " + CUSTOMER_OFFSET + " END AS \"Customer ID\", "
                    + "  Country "
                    + "FROM (SELECT *, row_number() OVER () AS line FROM " + SqlText.qualifiedName(sample) + ") s, range(" + scale + ") copies(copy) "
                    + "ORDER BY copy, line");
        }
    }

    /** Writes a table as a gzip-compressed CSV upload with the data set's header. */
    public static void writeCsv(Connection connection, String query, Path file)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + query + ") TO " + SqlText.literal(file.toAbsolutePath().toString())
                    + " (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S', COMPRESSION gzip)");
        }
    }
}
