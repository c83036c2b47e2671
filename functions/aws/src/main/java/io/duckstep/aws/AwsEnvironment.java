package io.duckstep.aws;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseConfiguration;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.ObjectStorage;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a DuckDB Lambda function needs, wired once from its environment:
 * {@code DUCKSTEP_RUNS_PREFIX} (s3://bucket/runs), {@code DUCKSTEP_UPLOADS_PREFIX}, the warehouse variables of
 * {@link WarehouseConfiguration}, and the DuckDB settings of {@link DuckDbSettings#fromEnvironment}. Secrets are
 * named by ARN in the environment and read, cached, only when a query needs them.
 */
public record AwsEnvironment(DuckDb duckDb, ObjectStorage storage, SecretStore secrets, RunLayout layout, WarehouseSpecification warehouse, String uploadsPrefix)
{
    public AwsEnvironment
    {
        requireNonNull(duckDb, "duckDb is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(secrets, "secrets is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(uploadsPrefix, "uploadsPrefix is null");
    }

    public static AwsEnvironment fromSystem()
    {
        return from(System.getenv());
    }

    public static AwsEnvironment from(Map<String, String> environment)
    {
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(environment);
        ObjectStorage storage = new S3ObjectStorage(AwsClients.s3(environment), settings.workDirectory().resolve("objects"));
        return new AwsEnvironment(
                new DuckDb(settings),
                storage,
                new SecretsManagerSecretStore(AwsClients.secretsManager(environment)),
                new RunLayout(storage, required(environment, "DUCKSTEP_RUNS_PREFIX")),
                WarehouseConfiguration.fromEnvironment(environment),
                environment.getOrDefault("DUCKSTEP_UPLOADS_PREFIX", ""));
    }

    static String required(Map<String, String> environment, String name)
    {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
