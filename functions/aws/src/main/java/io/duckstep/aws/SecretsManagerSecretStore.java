package io.duckstep.aws;

import io.duckstep.aws.clients.CachedSecrets;
import io.duckstep.aws.clients.UnavailableSecretException;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static java.util.Objects.requireNonNull;

/**
 * Core's {@link SecretStore} over the functions' one cached secret store ({@link CachedSecrets}): secrets from AWS
 * Secrets Manager, by name or ARN, cached for {@link CachedSecrets#TIME_TO_LIVE}. Messages name the secret, never its
 * value; the value is never logged.
 */
public final class SecretsManagerSecretStore
        implements SecretStore
{
    private final CachedSecrets secrets;

    public SecretsManagerSecretStore(SecretsManagerClient client)
    {
        this.secrets = new CachedSecrets(requireNonNull(client, "client is null"));
    }

    @Override
    public Secret get(String secretName)
    {
        try {
            return new Secret(secrets.get(secretName));
        }
        catch (UnavailableSecretException e) {
            throw new SecretUnavailableException(e.getMessage(), e);
        }
    }
}
