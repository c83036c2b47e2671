package io.duckstep.aws.clients;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Secrets from AWS Secrets Manager, by name or ARN, through Powertools' parameters, which cache each for
 * {@link #TIME_TO_LIVE} so a warm function does not ask on every invocation. Values are stripped; a blank one is
 * refused. Messages name the secret, never its value; the value is never logged.
 */
public final class CachedSecrets
{
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private final SecretsProvider secrets;

    public CachedSecrets(SecretsManagerClient client)
    {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(TIME_TO_LIVE);
        this.secrets = SecretsProvider.builder().withClient(requireNonNull(client, "client is null")).withCacheManager(cache).build();
    }

    /**
     * @throws UnavailableSecretException when the secret does not exist, cannot be read or has no value
     */
    public String get(String secretName)
    {
        String value;
        try {
            value = secrets.get(secretName);
        }
        catch (ResourceNotFoundException e) {
            throw new UnavailableSecretException("Secret " + secretName + " does not exist");
        }
        catch (SdkException e) {
            throw new UnavailableSecretException("Cannot read secret " + secretName + ": " + e.getClass().getSimpleName());
        }
        if (value == null || value.isBlank()) {
            throw new UnavailableSecretException("Secret " + secretName + " has no value: set it with aws secretsmanager put-secret-value");
        }
        return value.strip();
    }
}
