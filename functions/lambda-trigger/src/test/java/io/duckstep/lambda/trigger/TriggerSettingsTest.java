package io.duckstep.lambda.trigger;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerSettingsTest
{
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:Summary";

    @Test
    void fromEnvironment_set_readsTheKeyPartOfTheUploadsPrefix()
    {
        TriggerSettings settings = TriggerSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-1", "STATE_MACHINE_ARN", STATE_MACHINE, "DUCKSTEP_UPLOADS_PREFIX", "s3://duckstep-data/uploads/"));

        assertThat(settings).isEqualTo(new TriggerSettings("eu-west-1", STATE_MACHINE, "uploads/"));
    }

    @Test
    void fromEnvironment_noUploadsPrefix_isUploads()
    {
        assertThat(TriggerSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "STATE_MACHINE_ARN", STATE_MACHINE)).uploadsKeyPrefix())
                .isEqualTo("uploads/");
    }

    @Test
    void fromEnvironment_noStateMachine_namesIt()
    {
        assertThatThrownBy(() -> TriggerSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("STATE_MACHINE_ARN is not set");
    }
}
