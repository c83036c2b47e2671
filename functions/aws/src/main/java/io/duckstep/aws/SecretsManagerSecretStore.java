package io.duckstep.aws;

import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Secrets from AWS Secrets Manager, by name or ARN, through Powertools' parameters, which cache each for
 * {@link #DEFAULT_TIME_TO_LIVE} so a warm function does not ask on every invocation. Messages name the secret,
 * never its value; the value is never logged.
 */
public final class SecretsManagerSecretStore
        implements SecretStore
{
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final SecretsProvider secrets;

    public SecretsManagerSecretStore(SecretsManagerClient client)
    {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(DEFAULT_TIME_TO_LIVE);
        this.secrets = SecretsProvider.builder().withClient(requireNonNull(client, "client is null")).withCacheManager(cache).build();
    }

    @Override
    public Secret get(String secretName)
    {
        String value;
        try {
            value = secrets.get(secretName);
        }
        catch (ResourceNotFoundException e) {
            throw new SecretUnavailableException("Secret " + secretName + " does not exist");
        }
        catch (SdkException e) {
            throw new SecretUnavailableException("Cannot read secret " + secretName + ": " + e.getClass().getSimpleName());
        }
        if (value == null || value.isBlank()) {
            throw new SecretUnavailableException("Secret " + secretName + " has no value: set it with aws secretsmanager put-secret-value");
        }
        return new Secret(value.strip());
    }
}
