package io.duckstep.lambda.notification;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationSettingsTest
{
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "AWS_REGION", "eu-west-1",
            "TOPIC_ARN", "arn:aws:sns:eu-west-1:111122223333:DuckStepNotifications",
            "DUCKSTEP_RUNS_PREFIX", "s3://duckstep-data/runs",
            "DUCKSTEP_BUCKET", "duckstep-data",
            "DUCKSTEP_REPORT_LINK_BASE", "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");

    @Test
    void fromEnvironment_set_readsEveryVariable()
    {
        assertThat(NotificationSettings.fromEnvironment(ENVIRONMENT)).isEqualTo(new NotificationSettings("eu-west-1",
                "arn:aws:sns:eu-west-1:111122223333:DuckStepNotifications", "s3://duckstep-data/runs", "duckstep-data",
                "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/"));
    }

    @Test
    void fromEnvironment_missingVariable_namesIt()
    {
        for (String name : ENVIRONMENT.keySet()) {
            Map<String, String> environment = new HashMap<>(ENVIRONMENT);
            environment.remove(name);
            assertThatThrownBy(() -> NotificationSettings.fromEnvironment(environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(name + " is not set");
        }
    }
}
