package io.duckstep.aws;

import io.duckstep.aws.clients.TestingSecretsManager;
import io.duckstep.core.secrets.SecretUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsManagerSecretStoreTest
{
    private static final String TOKEN = "md-secret-token-value-9f2c";

    @Test
    void get_twiceWithinTimeToLive_asksSecretsManagerOnce()
    {
        TestingSecretsManager secretsManager = new TestingSecretsManager(Map.of("duckstep/motherduck-token", TOKEN));
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(secretsManager);

        assertThat(store.get("duckstep/motherduck-token").reveal()).isEqualTo(TOKEN);
        assertThat(store.get("duckstep/motherduck-token").reveal()).isEqualTo(TOKEN);

        assertThat(secretsManager.requests()).containsExactly("duckstep/motherduck-token");
    }

    @Test
    void get_missingSecret_namesItWithoutAnyValue()
    {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(new TestingSecretsManager(Map.of()));

        assertThatThrownBy(() -> store.get("duckstep/openai-key"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessage("Secret duckstep/openai-key does not exist");
    }

    @Test
    void get_blankSecret_isRefusedWithHowToSetIt()
    {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(new TestingSecretsManager(Map.of("s", "  ")));

        assertThatThrownBy(() -> store.get("s"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("put-secret-value");
    }

    @Test
    void secret_toString_neverShowsTheValue()
    {
        SecretsManagerSecretStore store = new SecretsManagerSecretStore(new TestingSecretsManager(Map.of("s", TOKEN)));

        assertThat(store.get("s").toString()).doesNotContain(TOKEN).isEqualTo("Secret[redacted]");
    }
}
