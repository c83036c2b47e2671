package io.duckstep.lambda.llm;

import io.duckstep.llm.ModelSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelHandlerSettingsTest
{
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:OpenAiKey";

    @Test
    void fromEnvironment_set_readsTheSecretAndTheModel()
    {
        assertThat(ModelHandlerSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-1", "OPENAI_KEY_SECRET", SECRET, "DUCKSTEP_MODEL", "gpt-4.1-mini", "DUCKSTEP_MODEL_TIMEOUT_SECONDS", "30")))
                .isEqualTo(new ModelHandlerSettings("eu-west-1", SECRET,
                        new ModelSettings("gpt-4.1-mini", ModelSettings.DEFAULT_BASE_URL, Duration.ofSeconds(30), ModelSettings.DEFAULT_MAX_RETRIES)));
    }

    @Test
    void fromEnvironment_noSecret_namesIt()
    {
        assertThatThrownBy(() -> ModelHandlerSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OPENAI_KEY_SECRET is not set");
    }
}
