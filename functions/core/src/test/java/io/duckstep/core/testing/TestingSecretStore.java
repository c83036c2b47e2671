package io.duckstep.core.testing;

import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * A hand-written secret store for tests: fixed values, and a record of which secrets were read.
 */
public final class TestingSecretStore
        implements SecretStore
{
    private final Map<String, String> values;
    private final List<String> reads = new CopyOnWriteArrayList<>();

    public TestingSecretStore(Map<String, String> values)
    {
        this.values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    @Override
    public Secret get(String secretName)
    {
        reads.add(secretName);
        String value = values.get(secretName);
        if (value == null) {
            throw new SecretUnavailableException("No secret named " + secretName);
        }
        return new Secret(value);
    }

    public List<String> reads()
    {
        return List.copyOf(reads);
    }
}
