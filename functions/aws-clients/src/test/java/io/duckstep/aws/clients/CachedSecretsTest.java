package io.duckstep.aws.clients;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedSecretsTest
{
    private static final String KEY = "sk-from-secrets-manager";

    @Test
    void get_twiceWithinTimeToLive_asksSecretsManagerOnce()
    {
        TestingSecretsManager secretsManager = new TestingSecretsManager(Map.of("arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey", KEY));
        CachedSecrets secrets = new CachedSecrets(secretsManager);

        assertThat(secrets.get("arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey")).isEqualTo(KEY);
        assertThat(secrets.get("arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey")).isEqualTo(KEY);

        assertThat(secretsManager.requests()).hasSize(1);
    }

    @Test
    void get_missingSecret_namesItWithoutAnyValue()
    {
        assertThatThrownBy(() -> new CachedSecrets(new TestingSecretsManager(Map.of())).get("duckstep/openai-key"))
                .isInstanceOf(UnavailableSecretException.class)
                .hasMessage("Secret duckstep/openai-key does not exist");
    }

    @Test
    void get_blankSecret_isRefusedWithHowToSetIt()
    {
        assertThatThrownBy(() -> new CachedSecrets(new TestingSecretsManager(Map.of("s", "  "))).get("s"))
                .isInstanceOf(UnavailableSecretException.class)
                .hasMessage("Secret s has no value: set it with aws secretsmanager put-secret-value");
    }

    @Test
    void get_paddedValue_isStripped()
    {
        assertThat(new CachedSecrets(new TestingSecretsManager(Map.of("s", " " + KEY + "\n"))).get("s")).isEqualTo(KEY);
    }
}
