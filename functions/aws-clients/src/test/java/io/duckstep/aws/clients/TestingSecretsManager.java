package io.duckstep.aws.clients;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Secrets Manager has no emulator here: a hand-written fake at the SDK boundary, answering from a map and recording
 * which secrets were asked for. Shared with the modules that use the secret store through this module's test-jar.
 */
public final class TestingSecretsManager
        implements SecretsManagerClient
{
    private final Map<String, String> secrets;
    private final List<String> requests = new ArrayList<>();

    public TestingSecretsManager(Map<String, String> secrets)
    {
        this.secrets = Map.copyOf(secrets);
    }

    /** The secret ids asked for, in order. */
    public synchronized List<String> requests()
    {
        return List.copyOf(requests);
    }

    @Override
    public synchronized GetSecretValueResponse getSecretValue(GetSecretValueRequest request)
    {
        requests.add(request.secretId());
        String value = secrets.get(request.secretId());
        if (value == null) {
            throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret.").build();
        }
        return GetSecretValueResponse.builder().name(request.secretId()).secretString(value).build();
    }

    @Override
    public String serviceName()
    {
        return "secretsmanager";
    }

    @Override
    public void close() {}
}
