package io.duckstep.lambda.llm;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One secret string, read from Secrets Manager and kept for a while. (The DuckDB packages share
 * {@code SecretsManagerSecretStore}; this package may not carry DuckDB, which that module brings.)
 * Messages name the secret, never its value.
 */
final class CachedSecret
{
    private final SecretsManagerClient client;
    private final String secretId;
    private final Duration timeToLive;
    private final Clock clock;
    private String value;
    private Instant expires = Instant.MIN;

    CachedSecret(SecretsManagerClient client, String secretId, Duration timeToLive)
    {
        this(client, secretId, timeToLive, Clock.systemUTC());
    }

    CachedSecret(SecretsManagerClient client, String secretId, Duration timeToLive, Clock clock)
    {
        this.client = requireNonNull(client, "client is null");
        this.secretId = requireNonNull(secretId, "secretId is null");
        this.timeToLive = requireNonNull(timeToLive, "timeToLive is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    synchronized String get()
    {
        Instant now = clock.instant();
        if (value != null && now.isBefore(expires)) {
            return value;
        }
        String read;
        try {
            read = client.getSecretValue(request -> request.secretId(secretId)).secretString();
        }
        catch (SdkException e) {
            throw new IllegalStateException("Cannot read secret " + secretId + ": " + e.getClass().getSimpleName());
        }
        if (read == null || read.isBlank()) {
            throw new IllegalStateException("Secret " + secretId + " has no value: set it with aws secretsmanager put-secret-value");
        }
        value = read.strip();
        expires = now.plus(timeToLive);
        return value;
    }
}
