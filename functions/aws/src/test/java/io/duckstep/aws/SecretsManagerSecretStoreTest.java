package io.duckstep.aws;

import io.duckstep.core.secrets.SecretUnavailableException;
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

class SecretsManagerSecretStoreTest
{
    private static final String TOKEN = "md-secret-token-value-9f2c";

    @Test
    void get_twiceWithinTimeToLive_asksSecretsManagerOnce()
    {
        FakeSecretsManager secretsManager = new FakeSecretsManager(Map.of("duckstep/motherduck-token", TOKEN));
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(secretsManager);

        assertThat(store.get("duckstep/motherduck-token").reveal()).isEqualTo(TOKEN);
        assertThat(store.get("duckstep/motherduck-token").reveal()).isEqualTo(TOKEN);

        assertThat(secretsManager.requests).containsExactly("duckstep/motherduck-token");
    }

    @Test
    void get_missingSecret_namesItWithoutAnyValue()
    {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(new FakeSecretsManager(Map.of()));

        assertThatThrownBy(() -> store.get("duckstep/openai-key"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessage("Secret duckstep/openai-key does not exist");
    }

    @Test
    void get_blankSecret_isRefusedWithHowToSetIt()
    {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(new FakeSecretsManager(Map.of("s", "  ")));

        assertThatThrownBy(() -> store.get("s"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("put-secret-value");
    }

    @Test
    void secret_toString_neverShowsTheValue()
    {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(new FakeSecretsManager(Map.of("s", TOKEN)));

        assertThat(store.get("s").toString()).doesNotContain(TOKEN).isEqualTo("Secret[redacted]");
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
