package io.duckstep.core.query;

import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.ObjectStorage;

import java.nio.file.Path;
import java.sql.Connection;
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

    /**
     * @return a human-readable description of what was attached (never a token)
     */
    public String attach(Connection connection, WarehouseSpecification warehouse)
    {
        return switch (warehouse) {
            case WarehouseSpecification.None none -> "no warehouse";
            case WarehouseSpecification.DuckDbFile file -> attachFile(connection, file);
            case WarehouseSpecification.MotherDuck motherDuck -> attachMotherDuck(connection, motherDuck);
        };
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
        execute(connection, "ATTACH " + SqlText.literal(path.toAbsolutePath().toString()) + " AS " + SqlText.identifier(file.catalog()) + " (READ_ONLY)",
                "Cannot attach warehouse file " + file.location());
        return "DuckDB file " + file.location() + " as " + file.catalog();
    }

    private String attachMotherDuck(Connection connection, WarehouseSpecification.MotherDuck motherDuck)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOAD motherduck");
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException("The MotherDuck extension cannot be loaded, so warehouse md:" + motherDuck.database()
                    + " is unavailable. duckdb_jdbc does not bundle it and DuckStep never downloads extensions at run time:"
                    + " install the motherduck extension into the DuckDB extension directory first. DuckDB said: " + e.getMessage(), e);
        }
        Secret token = secrets.get(motherDuck.tokenSecretName());
        try (Statement statement = connection.createStatement()) {
            // The token goes into DuckDB's configuration, never into a connection string.
            statement.execute("SET motherduck_token = " + SqlText.literal(token.reveal()));
        }
        catch (SQLException e) {
            // DuckDB's message is deliberately not included: it might quote the statement.
            throw new WarehouseUnavailableException("MotherDuck rejected the token configuration from secret " + motherDuck.tokenSecretName());
        }
        execute(connection, "ATTACH " + SqlText.literal("md:" + motherDuck.database()) + " AS " + SqlText.identifier(motherDuck.catalog()),
                "Cannot attach MotherDuck database md:" + motherDuck.database());
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
