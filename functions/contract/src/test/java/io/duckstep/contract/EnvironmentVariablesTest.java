package io.duckstep.contract;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentVariablesTest
{
    @Test
    void required_missingOrBlank_namesTheVariable()
    {
        assertThatThrownBy(() -> EnvironmentVariables.required(Map.of(), EnvironmentVariables.TOPIC_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TOPIC_ARN is not set");
        assertThatThrownBy(() -> EnvironmentVariables.required(Map.of("TOPIC_ARN", "  "), EnvironmentVariables.TOPIC_ARN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TOPIC_ARN is not set");
    }

    @Test
    void required_set_isStripped()
    {
        assertThat(EnvironmentVariables.required(Map.of("TOPIC_ARN", " arn:aws:sns:eu-west-1:111122223333:t\n"), EnvironmentVariables.TOPIC_ARN))
                .isEqualTo("arn:aws:sns:eu-west-1:111122223333:t");
    }

    @Test
    void optional_blank_isTheFallback()
    {
        assertThat(EnvironmentVariables.optional(Map.of("DUCKSTEP_MODEL", " "), EnvironmentVariables.DUCKSTEP_MODEL, "gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(EnvironmentVariables.optional(Map.of(), EnvironmentVariables.DUCKSTEP_MODEL)).isEmpty();
        assertThat(EnvironmentVariables.optional(Map.of("DUCKSTEP_MODEL", "o3"), EnvironmentVariables.DUCKSTEP_MODEL)).contains("o3");
    }
}
