package io.duckstep.core.duckdb;

/**
 * Quoting for the few places DuckDB accepts no bind parameter (ATTACH, COPY ... TO, table names).
 */
public final class SqlText
{
    private SqlText() {}

    /** A string literal: {@code it's} becomes {@code 'it''s'}. */
    public static String literal(String value)
    {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL character in SQL literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A quoted identifier: {@code Customer ID} becomes {@code "Customer ID"}. */
    public static String identifier(String name)
    {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Invalid SQL identifier: '" + name + "'");
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * One statement as it can be wrapped ({@code COPY (...) TO}, a subquery): stripped, without the trailing
     * semicolons someone typing SQL ends it with.
     */
    public static String withoutTrailingSemicolons(String sql)
    {
        String statement = sql.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).stripTrailing();
        }
        return statement;
    }

    /** A possibly schema-qualified table name, {@code schema.table}, each part quoted. */
    public static String qualifiedName(String name)
    {
        String[] parts = name.split("\\.", -1);
        StringBuilder quoted = new StringBuilder();
        for (String part : parts) {
            if (!quoted.isEmpty()) {
                quoted.append('.');
            }
            quoted.append(identifier(part));
        }
        return quoted.toString();
    }
}
