package io.duckstep.core.query;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which warehouse a query sees. Queries name warehouse tables as {@code e_commerce.year_09_10} whichever
 * provider is used: on MotherDuck {@code e_commerce} is the database's catalog alias; in a DuckDB file it is
 * a schema, and the file's schemas are put on DuckDB's search path.
 */
public sealed interface WarehouseSpecification
{
    String DEFAULT_CATALOG = "e_commerce";

    /*
     * The records below write their toString out, as the generated one reads: the generated one links method
     * handles on its first call, a noticeable part of the command line's start, and picocli formats every option's
     * value for its trace whether tracing is on or not.
     */

    /** No warehouse: queries see only their inputs. */
    record None()
            implements WarehouseSpecification
    {
        @Override
        public String toString()
        {
            return "None[]";
        }
    }

    /**
     * A DuckDB database file, attached READ_ONLY as catalog {@value #CATALOG}; its schemas (such as
     * {@code e_commerce}) go on the search path, so {@code e_commerce.year_09_10} resolves to
     * {@code warehouse.e_commerce.year_09_10}.
     *
     * @param location storage location of the file (local path, or s3:// through the storage adapter)
     */
    record DuckDbFile(String location)
            implements WarehouseSpecification
    {
        public static final String CATALOG = "warehouse";

        public DuckDbFile
        {
            requireNonNull(location, "location is null");
        }

        @Override
        public String toString()
        {
            return "DuckDbFile[location=" + location + "]";
        }
    }

    /**
     * A MotherDuck database. The token is read from the secret store at attach time and handed to
     * DuckDB as configuration; it never enters a connection string, a log line or a message. A function is
     * given only the secret it needs: the summary's queries the full token, the prompt workflow (the model's
     * queries) only the read-scaling token. A missing one is refused when the warehouse is attached.
     *
     * @param database the MotherDuck database name, e.g. {@code my_db}
     * @param catalog the name queries use for it
     * @param tokenSecretName the secret that holds the MotherDuck token, for DuckStep's own queries
     * @param readScalingTokenSecretName the secret that holds a read-scaling token, for the prompt workflow
     */
    record MotherDuck(String database, String catalog, Optional<String> tokenSecretName, Optional<String> readScalingTokenSecretName)
            implements WarehouseSpecification
    {
        public MotherDuck
        {
            requireNonNull(database, "database is null");
            if (!database.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("MotherDuck database name must be letters, digits and underscores: " + database);
            }
            requireCatalog(catalog);
            requireNonNull(tokenSecretName, "tokenSecretName is null");
            requireNonNull(readScalingTokenSecretName, "readScalingTokenSecretName is null");
        }

        public MotherDuck(String database, String catalog, String tokenSecretName)
        {
            this(database, catalog, Optional.of(tokenSecretName), Optional.empty());
        }

        public MotherDuck(String database, String catalog, String tokenSecretName, Optional<String> readScalingTokenSecretName)
        {
            this(database, catalog, Optional.of(tokenSecretName), readScalingTokenSecretName);
        }

        @Override
        public String toString()
        {
            return "MotherDuck[database=" + database + ", catalog=" + catalog + ", tokenSecretName=" + tokenSecretName
                    + ", readScalingTokenSecretName=" + readScalingTokenSecretName + "]";
        }
    }

    private static void requireCatalog(String catalog)
    {
        requireNonNull(catalog, "catalog is null");
        if (!catalog.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Catalog name must be an identifier: " + catalog);
        }
    }
}
