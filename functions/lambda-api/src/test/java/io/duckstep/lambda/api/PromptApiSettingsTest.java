package io.duckstep.lambda.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptApiSettingsTest
{
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:Prompt";

    @Test
    void fromEnvironment_set_readsEveryVariable()
    {
        assertThat(PromptApiSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-1", "PROMPT_STATE_MACHINE_ARN", STATE_MACHINE, "DUCKSTEP_UPLOADS_PREFIX", "s3://duckstep-data/uploads/")))
                .isEqualTo(new PromptApiSettings("eu-west-1", STATE_MACHINE, "s3://duckstep-data/uploads/"));
    }

    @Test
    void fromEnvironment_noUploadsPrefix_namesIt()
    {
        assertThatThrownBy(() -> PromptApiSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "PROMPT_STATE_MACHINE_ARN", STATE_MACHINE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DUCKSTEP_UPLOADS_PREFIX is not set");
    }

    @Test
    void fromEnvironment_noStateMachine_namesIt()
    {
        assertThatThrownBy(() -> PromptApiSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "DUCKSTEP_UPLOADS_PREFIX", "s3://duckstep-data/uploads/")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PROMPT_STATE_MACHINE_ARN is not set");
    }
}
