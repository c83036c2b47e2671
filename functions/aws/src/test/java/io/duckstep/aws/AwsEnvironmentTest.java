package io.duckstep.aws;

import io.duckstep.core.query.WarehouseSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsEnvironmentTest
{
    @TempDir
    Path work;

    private Map<String, String> environment()
    {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("DUCKSTEP_RUNS_PREFIX", "s3://duckstep-data/runs");
        environment.put("DUCKSTEP_UPLOADS_PREFIX", "s3://duckstep-data/uploads/");
        environment.put("DUCKSTEP_WORK_DIRECTORY", work.toString());
        environment.put("DUCKSTEP_WAREHOUSE_PROVIDER", "none");
        environment.put("DUCKSTEP_DEFINITION_SHA256", "5b1e0a3c");
        return environment;
    }

    @Test
    void from_set_readsTheRunsAndUploadsPrefixesAndTheDefinition()
    {
        AwsEnvironment environment = AwsEnvironment.from(environment());

        assertThat(environment.layout().root()).isEqualTo("s3://duckstep-data/runs");
        assertThat(environment.uploadsPrefix()).isEqualTo("s3://duckstep-data/uploads/");
        assertThat(environment.definitionSha256()).contains("5b1e0a3c");
        assertThat(environment.warehouse()).isInstanceOf(WarehouseSpecification.None.class);
        assertThat(environment.duckDb().settings().workDirectory()).isEqualTo(work);
    }

    @Test
    void from_missingRequiredVariable_namesIt()
    {
        for (String name : new String[] {"AWS_REGION", "DUCKSTEP_RUNS_PREFIX"}) {
            Map<String, String> environment = environment();
            environment.remove(name);
            assertThatThrownBy(() -> AwsEnvironment.from(environment))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(name + " is not set");
        }
    }

    @Test
    void from_noUploadsPrefixNorDefinition_areEmpty()
    {
        Map<String, String> environment = environment();
        environment.remove("DUCKSTEP_UPLOADS_PREFIX");
        environment.remove("DUCKSTEP_DEFINITION_SHA256");

        assertThat(AwsEnvironment.from(environment).uploadsPrefix()).isEmpty();
        assertThat(AwsEnvironment.from(environment).definitionSha256()).isEmpty();
    }
}
