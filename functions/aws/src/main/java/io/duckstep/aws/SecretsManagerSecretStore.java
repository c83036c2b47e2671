package io.duckstep.aws;

import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Secrets from AWS Secrets Manager, by name or ARN, cached for a while so a warm function does not ask on
 * every invocation. Messages name the secret, never its value; the value is never logged.
 */
public final class SecretsManagerSecretStore
        implements SecretStore
{
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SecretsManagerSecretStore(SecretsManagerClient client)
    {
        this(client, DEFAULT_TIME_TO_LIVE, Clock.systemUTC());
    }

    public SecretsManagerSecretStore(SecretsManagerClient client, Duration timeToLive, Clock clock)
    {
        this.client = requireNonNull(client, "client is null");
        this.timeToLive = requireNonNull(timeToLive, "timeToLive is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Secret get(String secretName)
    {
        Instant now = clock.instant();
        Cached cached = cache.get(secretName);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.secret();
        }
        Secret secret = read(secretName);
        cache.put(secretName, new Cached(secret, now.plus(timeToLive)));
        return secret;
    }

    private Secret read(String secretName)
    {
        String value;
        try {
            value = client.getSecretValue(request -> request.secretId(secretName)).secretString();
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

    private record Cached(Secret secret, Instant expires) {}
}
