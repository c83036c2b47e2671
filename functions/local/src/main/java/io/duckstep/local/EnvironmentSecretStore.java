package io.duckstep.local;

import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;

import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Local secrets, for a laptop only: the secret named {@code duckstep/motherduck-token} is read from the
 * environment variable {@code DUCKSTEP_SECRET_DUCKSTEP_MOTHERDUCK_TOKEN} (the name upper-cased, every other
 * character an underscore). On AWS, secrets come from Secrets Manager and never from the environment.
 */
public final class EnvironmentSecretStore
        implements SecretStore
{
    private final Map<String, String> environment;

    public EnvironmentSecretStore(Map<String, String> environment)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    @Override
    public Secret get(String secretName)
    {
        String variable = variableName(secretName);
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new SecretUnavailableException("Secret " + secretName + " is not set: export " + variable);
        }
        return new Secret(value.trim());
    }

    static String variableName(String secretName)
    {
        return "DUCKSTEP_SECRET_" + secretName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
