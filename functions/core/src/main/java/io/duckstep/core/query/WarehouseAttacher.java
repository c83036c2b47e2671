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
import java.util.Optional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static java.util.Objects.requireNonNull;

/**
 * Attaches the warehouse a {@link WarehouseSpecification} names to a DuckDB connection, read-only.
 * <p>
 * MotherDuck: the {@code motherduck} extension must already be installed in the DuckDB extension directory (DuckStep
 * never installs one implicitly: {@code duckstep extensions install motherduck} locally, a Lambda layer on AWS). The
 * token is read from the secret store only after the extension loaded; DuckStep's own queries use the full token,
 * the prompt workflow's connections only the read-scaling token, in SaaS mode, and are refused without one. Any text
 * MotherDuck sends back is scrubbed of the token ({@link Secret#redactFrom}) before it goes into a message.
 */
public final class WarehouseAttacher
{
    /** The secret names the local command line uses for the two MotherDuck tokens. */
    public static final String LOCAL_TOKEN_SECRET = "duckstep/motherduck-token";
    public static final String LOCAL_READ_SCALING_TOKEN_SECRET = "duckstep/motherduck-read-scaling-token";

    private final ObjectStorage storage;
    private final SecretStore secrets;
    private final MotherDuckConnector motherDuck;

    public WarehouseAttacher(ObjectStorage storage, SecretStore secrets)
    {
        this(storage, secrets, new ExtensionConnector());
    }

    public WarehouseAttacher(ObjectStorage storage, SecretStore secrets, MotherDuckConnector motherDuck)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
        this.motherDuck = requireNonNull(motherDuck, "motherDuck is null");
    }

    /**
     * Which connections are being opened: DuckStep's own (the summary's queries), or the prompt workflow's (the
     * queries the model writes, and the description of the data offered to it).
     */
    public enum Queries
    {
        TRUSTED, UNTRUSTED
    }

    /**
     * How a MotherDuck database is attached: with which secret's token (absent when this function was given none),
     * whether in SaaS mode (no local file or extension access on the client), and always READ_ONLY.
     */
    public record MotherDuckAttachment(Optional<String> tokenSecretName, boolean saasMode, String database, String attachStatement)
    {
        public MotherDuckAttachment
        {
            requireNonNull(tokenSecretName, "tokenSecretName is null");
            requireNonNull(database, "database is null");
            requireNonNull(attachStatement, "attachStatement is null");
        }

        public static MotherDuckAttachment of(WarehouseSpecification.MotherDuck motherDuck, Queries queries)
        {
            boolean untrusted = queries == Queries.UNTRUSTED;
            return new MotherDuckAttachment(
                    untrusted ? motherDuck.readScalingTokenSecretName() : motherDuck.tokenSecretName(),
                    untrusted,
                    motherDuck.database(),
                    "ATTACH " + SqlText.literal("md:" + motherDuck.database()) + " AS " + SqlText.identifier(motherDuck.catalog()) + " (READ_ONLY)");
        }

        /**
         * The secret holding the token these connections use.
         *
         * @throws WarehouseUnavailableException when there is none: the prompt workflow's connections are refused without
         * a read-scaling token (they never get the full one), DuckStep's own without a token
         */
        public String requiredTokenSecretName()
        {
            return tokenSecretName.orElseThrow(() -> new WarehouseUnavailableException(saasMode
                    ? "Refusing to run the prompt workflow's queries against MotherDuck md:" + database + " without a read-scaling token:"
                            + " they never get the full token. Name a secret holding one in DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET"
                            + " (locally the secret " + LOCAL_READ_SCALING_TOKEN_SECRET + ")."
                    : "No MotherDuck token secret is configured for md:" + database + ": set DUCKSTEP_MOTHERDUCK_TOKEN_SECRET."));
        }

        /** The statements that hand the token to DuckDB and attach, in order: the token as configuration, never in the attach string. */
        public List<String> statements(Secret token)
        {
            List<String> statements = new ArrayList<>();
            statements.add("SET motherduck_token = " + SqlText.literal(token.reveal()));
            if (saasMode) {
                statements.add("SET motherduck_saas_mode = true");
            }
            statements.add(attachStatement);
            return statements;
        }
    }

    /**
     * The steps only the {@code motherduck} extension can perform. {@link ExtensionConnector} is the real one; tests
     * stand in for MotherDuck, which cannot be reached from them, at this boundary.
     */
    public interface MotherDuckConnector
    {
        /** Loads the extension from the DuckDB extension directory (never from the network). */
        void load(Connection connection)
                throws SQLException;

        /** Hands the token to DuckDB and attaches; a failure carries MotherDuck's reason, which may quote the token. */
        void attach(Connection connection, MotherDuckAttachment attachment, Secret token)
                throws SQLException;
    }

    /** The real MotherDuck: {@code LOAD motherduck}, then {@link MotherDuckAttachment#statements}. */
    public static final class ExtensionConnector
            implements MotherDuckConnector
    {
        @Override
        public void load(Connection connection)
                throws SQLException
        {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOAD motherduck");
            }
        }

        @Override
        public void attach(Connection connection, MotherDuckAttachment attachment, Secret token)
                throws SQLException
        {
            try (Statement statement = connection.createStatement()) {
                for (String sql : attachment.statements(token)) {
                    statement.execute(sql);
                }
            }
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
        requireNonNull(queries, "queries is null");
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

    private String attachMotherDuck(Connection connection, MotherDuckAttachment attachment, WarehouseSpecification.MotherDuck warehouse)
    {
        String secretName = attachment.requiredTokenSecretName();
        try {
            motherDuck.load(connection);
        }
        catch (SQLException e) {
            throw new WarehouseUnavailableException("The MotherDuck extension cannot be loaded, so warehouse md:" + warehouse.database()
                    + " is unavailable. DuckStep never installs extensions at run time: install it once with `duckstep extensions install motherduck`"
                    + " (on AWS, deploy with the extension layer: see the README). DuckDB said: " + e.getMessage(), e);
        }
        Secret token = secrets.get(secretName);
        try {
            motherDuck.attach(connection, attachment, token);
        }
        catch (SQLException e) {
            // MotherDuck's reason is kept, scrubbed of the token; the original exception is not chained, as it carries the raw text.
            throw new WarehouseUnavailableException("MotherDuck refused md:" + warehouse.database() + " with the token from secret " + secretName
                    + ": " + token.redactFrom(e.getMessage()));
        }
        return "MotherDuck md:" + warehouse.database() + " as " + warehouse.catalog() + (attachment.saasMode() ? " (read-scaling token, SaaS mode)" : "") + ", read-only";
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
