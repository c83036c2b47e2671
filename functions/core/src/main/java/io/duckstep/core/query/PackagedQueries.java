package io.duckstep.core.query;

import io.duckstep.core.error.UnknownQueryException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The queries shipped with DuckStep, as {@code .sql} files under {@code io/duckstep/core/queries/}.
 */
public final class PackagedQueries
{
    public static final String SALES_TRENDS = "sales_trends";
    public static final String PRICE_ELASTICITY = "price_elasticity";
    public static final String CUSTOMER_SEGMENTATION = "customer_segmentation";

    /** The three summary queries, in the order the summary workflow runs and reports them. */
    public static final List<String> SUMMARY = List.of(SALES_TRENDS, PRICE_ELASTICITY, CUSTOMER_SEGMENTATION);

    private static final String DIRECTORY = "/io/duckstep/core/queries/";
    /** Not a query name: a name has no '/'. */
    private static final String MACROS = DIRECTORY + "setup/macros.sql";

    private PackagedQueries() {}

    /**
     * The SQL text of a packaged query.
     *
     * @throws UnknownQueryException when no query has that name
     */
    public static String sql(String name)
    {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw unknown(name);
        }
        try (InputStream stream = PackagedQueries.class.getResourceAsStream(DIRECTORY + name + ".sql")) {
            if (stream == null) {
                throw unknown(name);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read packaged query " + name, e);
        }
    }

    /**
     * The macros the packaged queries share (the counted-sale rule, ...), as {@code CREATE OR REPLACE TEMP MACRO}
     * statements: run once on a connection before any packaged query.
     */
    public static String macros()
    {
        try (InputStream stream = PackagedQueries.class.getResourceAsStream(MACROS)) {
            if (stream == null) {
                throw new IllegalStateException("No " + MACROS + " in the jar");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MACROS, e);
        }
    }

    /** Creates the packaged queries' macros on the connection (temporary: they touch no database). */
    public static void createMacros(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(macros());
        }
    }

    private static UnknownQueryException unknown(String name)
    {
        return new UnknownQueryException("Unknown query '" + name + "'. Packaged queries: " + String.join(", ", SUMMARY));
    }
}
