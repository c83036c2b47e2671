package io.duckstep.aws;

import io.duckstep.aws.clients.AwsClients;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseConfiguration;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.ObjectStorage;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Map;
import java.util.Optional;

import static io.duckstep.contract.EnvironmentVariables.AWS_REGION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_DEFINITION_SHA256;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_RUNS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_UPLOADS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.optional;
import static io.duckstep.contract.EnvironmentVariables.required;
import static java.util.Objects.requireNonNull;

/**
 * What a DuckDB Lambda function needs, wired once from its environment (the settings of the DuckDB packages):
 * {@code AWS_REGION}, {@code DUCKSTEP_RUNS_PREFIX} (s3://bucket/runs), {@code DUCKSTEP_UPLOADS_PREFIX}, the warehouse variables of
 * {@link WarehouseConfiguration}, the DuckDB settings of {@link DuckDbSettings#fromEnvironment}, and for the manifest
 * {@code DUCKSTEP_DEFINITION_SHA256} (the checksum of the summary state machine's definition). Secrets are
 * named by ARN in the environment and read, cached, only when a query needs them.
 */
public record AwsEnvironment(DuckDb duckDb, ObjectStorage storage, SecretStore secrets, RunLayout layout, WarehouseSpecification warehouse, String uploadsPrefix,
        Optional<String> definitionSha256)
{
    public AwsEnvironment
    {
        requireNonNull(duckDb, "duckDb is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(secrets, "secrets is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(uploadsPrefix, "uploadsPrefix is null");
        requireNonNull(definitionSha256, "definitionSha256 is null");
    }

    public static AwsEnvironment fromSystem()
    {
        return from(System.getenv());
    }

    public static AwsEnvironment from(Map<String, String> environment)
    {
        DuckDbSettings settings = DuckDbSettings.fromEnvironment(environment);
        String region = required(environment, AWS_REGION);
        ObjectStorage storage = new S3ObjectStorage(AwsClients.build(S3Client.builder(), region, AwsClients.TRANSFER), settings.workDirectory().resolve("objects"));
        return new AwsEnvironment(
                new DuckDb(settings),
                storage,
                new SecretsManagerSecretStore(AwsClients.build(SecretsManagerClient.builder(), region, AwsClients.REQUEST)),
                new RunLayout(storage, required(environment, DUCKSTEP_RUNS_PREFIX)),
                WarehouseConfiguration.fromEnvironment(environment),
                optional(environment, DUCKSTEP_UPLOADS_PREFIX, ""),
                optional(environment, DUCKSTEP_DEFINITION_SHA256));
    }
}
