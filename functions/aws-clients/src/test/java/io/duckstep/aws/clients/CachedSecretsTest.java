package io.duckstep.aws.clients;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedSecretsTest
{
    private static final String KEY = "sk-from-secrets-manager";

    @Test
    void get_twiceWithinTimeToLive_asksSecretsManagerOnce()
    {
        FakeSecretsManager secretsManager = new FakeSecretsManager(Map.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey", KEY));
        CachedSecrets secrets = new CachedSecrets(secretsManager);

        assertThat(secrets.get("arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey")).isEqualTo(KEY);
        assertThat(secrets.get("arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey")).isEqualTo(KEY);

        assertThat(secretsManager.requests).hasSize(1);
    }

    @Test
    void get_missingSecret_namesItWithoutAnyValue()
    {
        assertThatThrownBy(() -> new CachedSecrets(new FakeSecretsManager(Map.of())).get("duckstep/openai-key"))
                .isInstanceOf(UnavailableSecretException.class)
                .hasMessage("Secret duckstep/openai-key does not exist");
    }

    @Test
    void get_blankSecret_isRefusedWithHowToSetIt()
    {
        assertThatThrownBy(() -> new CachedSecrets(new FakeSecretsManager(Map.of("s", "  "))).get("s"))
                .isInstanceOf(UnavailableSecretException.class)
                .hasMessage("Secret s has no value: set it with aws secretsmanager put-secret-value");
    }

    @Test
    void get_paddedValue_isStripped()
    {
        assertThat(new CachedSecrets(new FakeSecretsManager(Map.of("s", " " + KEY + "\n"))).get("s")).isEqualTo(KEY);
    }

    /** Secrets Manager has no emulator here: a hand-written fake at the SDK boundary. */
    private static final class FakeSecretsManager
            implements SecretsManagerClient
    {
        private final Map<String, String> secrets;
        private final List<String> requests = new ArrayList<>();

        FakeSecretsManager(Map<String, String> secrets)
        {
            this.secrets = secrets;
        }

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request)
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
}
