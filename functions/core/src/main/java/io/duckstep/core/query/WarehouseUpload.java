package io.duckstep.core.query;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static io.duckstep.core.load.TransactionsSchema.WAREHOUSE_SCHEMA;
import static io.duckstep.core.load.TransactionsSchema.WAREHOUSE_TABLE;
import static java.util.Objects.requireNonNull;

/**
 * Copies a warehouse built locally (a DuckDB file with {@code e_commerce.year_09_10}) into a MotherDuck database, where
 * queries find it as {@code e_commerce.year_09_10} with the database attached as {@code e_commerce}: the table is
 * {@code main.year_09_10} there. One statement replaces (or, appending, extends) the table, so a failure leaves the
 * previous table as it was. The only write DuckStep makes to MotherDuck, with the full token; the same extension and
 * token rules as {@link WarehouseAttacher}, and MotherDuck's refusals scrubbed of the token.
 */
public final class WarehouseUpload
{
    private static final String TARGET = "duckstep_target";
    private static final String SOURCE = "duckstep_source";

    private final DuckDb duckDb;
    private final SecretStore secrets;
    private final WarehouseAttacher.MotherDuckConnector motherDuck;

    public WarehouseUpload(DuckDb duckDb, SecretStore secrets, WarehouseAttacher.MotherDuckConnector motherDuck)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
        this.motherDuck = requireNonNull(motherDuck, "motherDuck is null");
    }

    /**
     * @param append add the file's rows to the table; otherwise replace the table
     * @return the table's row count afterwards
     */
    public long upload(Path warehouseFile, WarehouseSpecification.MotherDuck target, boolean append)
    {
        String secretName = target.tokenSecretName().orElseThrow(() -> new WarehouseUnavailableException("No MotherDuck token secret is configured for md:" + target.database()));
        try (Connection connection = duckDb.openInMemory()) {
            try {
                motherDuck.load(connection);
            }
            catch (SQLException e) {
                throw new WarehouseUnavailableException("The MotherDuck extension cannot be loaded, so md:" + target.database() + " cannot be written:"
                        + " install it once with `duckstep extensions install motherduck`. DuckDB said: " + e.getMessage(), e);
            }
            Secret token = secrets.get(secretName);
            String table = SqlText.identifier(TARGET) + ".main." + SqlText.identifier(WAREHOUSE_TABLE);
            String source = SqlText.identifier(SOURCE) + "." + SqlText.identifier(WAREHOUSE_SCHEMA) + "." + SqlText.identifier(WAREHOUSE_TABLE);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ATTACH " + SqlText.literal(warehouseFile.toAbsolutePath().toString()) + " AS " + SqlText.identifier(SOURCE) + " (READ_ONLY)");
                motherDuck.attach(connection, new WarehouseAttacher.MotherDuckAttachment(Optional.of(secretName), false, target.database(),
                        "ATTACH " + SqlText.literal("md:" + target.database()) + " AS " + SqlText.identifier(TARGET)), token);
                if (append) {
                    statement.execute("CREATE TABLE IF NOT EXISTS " + table + " AS FROM " + source + " LIMIT 0");
                    statement.execute("INSERT INTO " + table + " FROM " + source);
                }
                else {
                    statement.execute("CREATE OR REPLACE TABLE " + table + " AS FROM " + source);
                }
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    return count.getLong(1);
                }
            }
            catch (SQLException e) {
                throw new WarehouseUnavailableException("Cannot write e_commerce.year_09_10 to MotherDuck md:" + target.database() + ": " + token.redactFrom(e.getMessage()));
            }
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException("Cannot open DuckDB to write md:" + target.database() + ": " + e.getMessage(), e);
        }
    }
}
