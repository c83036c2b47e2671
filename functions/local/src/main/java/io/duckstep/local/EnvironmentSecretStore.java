package io.duckstep.local;

import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Local secrets, for a laptop only: the secret named {@code duckstep/motherduck-token} is read from the
 * environment variable {@code DUCKSTEP_SECRET_DUCKSTEP_MOTHERDUCK_TOKEN} (the name upper-cased, every other
 * character an underscore). The MotherDuck token is first looked for under the names MotherDuck's own clients use,
 * {@code MOTHERDUCK_TOKEN} and {@code motherduck_token}. On AWS, secrets come from Secrets Manager and never from the
 * environment.
 */
public final class EnvironmentSecretStore
        implements SecretStore
{
    /** Variables looked at before the secret's own, by secret name. */
    private static final Map<String, List<String>> WELL_KNOWN = Map.of(
            WarehouseAttacher.LOCAL_TOKEN_SECRET, List.of("MOTHERDUCK_TOKEN", "motherduck_token"));

    private final Map<String, String> environment;

    public EnvironmentSecretStore(Map<String, String> environment)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    @Override
    public Secret get(String secretName)
    {
        List<String> wellKnown = WELL_KNOWN.getOrDefault(secretName, List.of());
        for (String name : wellKnown) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return new Secret(value.trim());
            }
        }
        String variable = variableName(secretName);
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new SecretUnavailableException(missing(secretName, wellKnown, variable));
        }
        return new Secret(value.trim());
    }

    private static String missing(String secretName, List<String> wellKnown, String variable)
    {
        if (secretName.equals(WarehouseAttacher.LOCAL_TOKEN_SECRET)) {
            return "No MotherDuck token: export " + String.join(" or ", wellKnown) + ", or store it as secret " + secretName + " (export " + variable + ")";
        }
        if (secretName.equals(WarehouseAttacher.LOCAL_READ_SCALING_TOKEN_SECRET)) {
            return "No MotherDuck read-scaling token: the model's queries never get the full token; create a read-scaling token in MotherDuck"
                    + " and store it as secret " + secretName + " (export " + variable + ")";
        }
        return "Secret " + secretName + " is not set: export " + variable;
    }

    static String variableName(String secretName)
    {
        return "DUCKSTEP_SECRET_" + secretName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
