package io.duckstep.lambda.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportLinkSettingsTest
{
    @Test
    void fromEnvironment_set_readsEveryVariable()
    {
        assertThat(ReportLinkSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "DUCKSTEP_BUCKET", "duckstep-data")))
                .isEqualTo(new ReportLinkSettings("eu-west-1", "duckstep-data"));
    }

    @Test
    void fromEnvironment_noBucket_namesIt()
    {
        assertThatThrownBy(() -> ReportLinkSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DUCKSTEP_BUCKET is not set");
    }

    @Test
    void fromEnvironment_noRegion_namesIt()
    {
        assertThatThrownBy(() -> ReportLinkSettings.fromEnvironment(Map.of("DUCKSTEP_BUCKET", "duckstep-data")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AWS_REGION is not set");
    }
}
