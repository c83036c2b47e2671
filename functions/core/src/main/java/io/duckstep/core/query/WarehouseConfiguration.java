package io.duckstep.core.query;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MOTHERDUCK_DATABASE;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MOTHERDUCK_TOKEN_SECRET;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_WAREHOUSE_CATALOG;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_WAREHOUSE_LOCATION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_WAREHOUSE_PROVIDER;
import static io.duckstep.contract.EnvironmentVariables.optional;

/**
 * Chooses the warehouse provider from configuration (environment variables on Lambda, options locally):
 * <ul>
 * <li>{@code DUCKSTEP_WAREHOUSE_PROVIDER}: {@code duckdb} (the default), {@code motherduck} or {@code none}</li>
 * <li>{@code DUCKSTEP_WAREHOUSE_LOCATION}: for {@code duckdb}, the database file's location</li>
 * <li>{@code DUCKSTEP_MOTHERDUCK_DATABASE}: for {@code motherduck}; then {@code DUCKSTEP_MOTHERDUCK_TOKEN_SECRET} names
 * the secret with the full token (set only for the summary's query function) and
 * {@code DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET} the secret with a read-scaling token (set only for the
 * prompt workflow's functions, which run the model's queries); they name secrets, never a token itself</li>
 * <li>{@code DUCKSTEP_WAREHOUSE_CATALOG}: for {@code motherduck}, the catalog name queries use for the database,
 * default {@code e_commerce}</li>
 * </ul>
 */
public final class WarehouseConfiguration
{
    private WarehouseConfiguration() {}

    public static WarehouseSpecification fromEnvironment(Map<String, String> environment)
    {
        String provider = optional(environment, DUCKSTEP_WAREHOUSE_PROVIDER, "duckdb");
        String catalog = optional(environment, DUCKSTEP_WAREHOUSE_CATALOG, WarehouseSpecification.DEFAULT_CATALOG);
        return switch (provider) {
            case "duckdb" -> new WarehouseSpecification.DuckDbFile(required(environment, DUCKSTEP_WAREHOUSE_LOCATION, provider));
            case "motherduck" -> new WarehouseSpecification.MotherDuck(
                    required(environment, DUCKSTEP_MOTHERDUCK_DATABASE, provider),
                    catalog,
                    optional(environment, DUCKSTEP_MOTHERDUCK_TOKEN_SECRET),
                    optional(environment, DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET));
            case "none" -> new WarehouseSpecification.None();
            default -> throw new IllegalArgumentException(DUCKSTEP_WAREHOUSE_PROVIDER + " must be duckdb, motherduck or none, was '" + provider + "'");
        };
    }

    private static String required(Map<String, String> environment, String name, String provider)
    {
        return optional(environment, name).orElseThrow(() -> new IllegalArgumentException(name + " is required when the warehouse provider is " + provider));
    }
}
