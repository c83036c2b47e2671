package io.duckstep.core.load;

import java.util.List;
import java.util.Locale;

/**
 * The Online Retail II transactions schema: the eight columns every transactions file must have, in
 * order, with the types DuckStep gives them, and where the warehouse keeps them.
 */
public final class TransactionsSchema
{
    public static final String WAREHOUSE_SCHEMA = "e_commerce";
    public static final String WAREHOUSE_TABLE = "year_09_10";

    /** The columns, with their original names (note the space in {@code Customer ID}) and DuckDB types. */
    public static final List<Column> COLUMNS = List.of(
            new Column("Invoice", "VARCHAR"),
            new Column("StockCode", "VARCHAR"),
            new Column("Description", "VARCHAR"),
            new Column("Quantity", "INTEGER"),
            new Column("InvoiceDate", "TIMESTAMP"),
            new Column("Price", "DOUBLE"),
            new Column("Customer ID", "INTEGER"),
            new Column("Country", "VARCHAR"));

    private TransactionsSchema() {}

    public static List<String> columnNames()
    {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /**
     * Whether a header cell names the column: case, surrounding space, inner spaces and underscores are
     * ignored, and the common variants {@code CustomerID} and {@code UnitPrice} are accepted.
     */
    static boolean matches(Column column, String headerCell)
    {
        String normalized = normalize(headerCell);
        String expected = normalize(column.name());
        return normalized.equals(expected) || (expected.equals("price") && normalized.equals("unitprice"));
    }

    static String normalize(String name)
    {
        return name.strip().replace("\uFEFF", "").replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
    }

    public record Column(String name, String type) {}
}
