package io.duckstep.core.query;

import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.ObjectStorage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * Attaches the warehouse a {@link WarehouseSpecification} names to a DuckDB connection, read-only.
 */
public final class WarehouseAttacher
{
    private final ObjectStorage storage;
    private final SecretStore secrets;

    public WarehouseAttacher(ObjectStorage storage, SecretStore secrets)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
    }

    /** Whether the queries that will run on the connection are DuckStep's own or written by the model. */
    public enum Queries
    {
        TRUSTED, UNTRUSTED
    }

    /**
     * How a MotherDuck database is attached: with which secret's token, and whether in SaaS mode (no local file
     * or extension access on the client). Queries the model wrote get the read-scaling token where one is
     * configured, and SaaS mode always.
     */
    public record MotherDuckAttachment(String tokenSecretName, boolean saasMode, String attachStatement)
    {
        public static MotherDuckAttachment of(WarehouseSpecification.MotherDuck motherDuck, Queries queries)
        {
            boolean untrusted = queries == Queries.UNTRUSTED;
            return new MotherDuckAttachment(
                    untrusted ? motherDuck.readScalingTokenSecretName().orElse(motherDuck.tokenSecretName()) : motherDuck.tokenSecretName(),
                    untrusted,
                    "ATTACH " + SqlText.literal("md:" + motherDuck.database()) + " AS " + SqlText.identifier(motherDuck.catalog()));
        }
    }

    /**
     * @return a human-readable description of what was attached (never a token)
     */
    public String attach(Connection connection, WarehouseSpecification warehouse)
    {
        return attach(connection, warehouse, Queries.TRUSTED);
    }

    /**
     * @return a human-readable description of what was attached (never a token)
     */
    public String attach(Connection connection, WarehouseSpecification warehouse, Queries queries)
    {
        if (warehouse instanceof WarehouseSpecification.DuckDbFile file) {
            return attachFile(connection, file);
        }
        if (warehouse instanceof WarehouseSpecification.MotherDuck motherDuck) {
            return attachMotherDuck(connection, MotherDuckAttachment.of(motherDuck, queries), motherDuck);
        }
        return "no warehouse";
    }

    private String attachFile(Connection connection, WarehouseSpecification.DuckDbFile file)
    {
        Path path;
        try {
            path = storage.fetch(file.location());
        }
        catch (ObjectNotFoundException e) {
            throw new WarehouseUnavailableException("Warehouse file not found: " + file.location()
                    + " (build it with: duckstep load FILE --warehouse " + file.location() + ")", e);
        }
        String catalog = WarehouseSpecification.DuckDbFile.CATALOG;
        execute(connection, "ATTACH " + SqlText.literal(path.toAbsolutePath().toString()) + " AS " + SqlText.identifier(catalog) + " (READ_ONLY)",
                "Cannot attach warehouse file " + file.location());
        // The file's schemas go on the search path after the in-memory inputs: e_commerce.year_09_10 then
        // resolves to warehouse.e_commerce.year_09_10, as it does on MotherDuck where e_commerce is the database.
        List<String> searchPath = new ArrayList<>(List.of("memory.main"));
        try (Statement statement = connection.createStatement();
                ResultSet schemas = statement.executeQuery("SELECT schema_name FROM duckdb_schemas() WHERE database_name = "
                        + SqlText.literal(catalog) + " AND NOT internal ORDER BY schema_name = 'main', schema_name")) {
            while (schemas.next()) {
                searchPath.add(SqlText.identifier(catalog) + "." + SqlText.identifier(schemas.getString(1)));
            }
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException("Cannot read the schemas of warehouse file " + file.location() + ": " + e.getMessage(), e);
        }
        execute(connection, "SET search_path = " + SqlText.literal(String.join(",", searchPath)), "Cannot set the search path for warehouse " + file.location());
        return "DuckDB file " + file.location();
    }

    private String attachMotherDuck(Connection connection, MotherDuckAttachment attachment, WarehouseSpecification.MotherDuck motherDuck)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOAD motherduck");
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException("The MotherDuck extension cannot be loaded, so warehouse md:" + motherDuck.database()
                    + " is unavailable. duckdb_jdbc does not bundle it and DuckStep never downloads extensions at run time:"
                    + " install the motherduck extension into the DuckDB extension directory first. DuckDB said: " + e.getMessage(), e);
        }
        Secret token = secrets.get(attachment.tokenSecretName());
        try (Statement statement = connection.createStatement()) {
            // The token goes into DuckDB's configuration, never into a connection string.
            statement.execute("SET motherduck_token = " + SqlText.literal(token.reveal()));
        }
        catch (SQLException e) {
            // DuckDB's message is deliberately not included: it might quote the statement.
            throw new WarehouseUnavailableException("MotherDuck rejected the token configuration from secret " + attachment.tokenSecretName());
        }
        if (attachment.saasMode()) {
            execute(connection, "SET motherduck_saas_mode = true", "Cannot switch MotherDuck to SaaS mode");
        }
        execute(connection, attachment.attachStatement(), "Cannot attach MotherDuck database md:" + motherDuck.database());
        return "MotherDuck md:" + motherDuck.database() + " as " + motherDuck.catalog();
    }

    private static void execute(Connection connection, String sql, String failure)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException(failure + ": " + e.getMessage(), e);
        }
    }
}
