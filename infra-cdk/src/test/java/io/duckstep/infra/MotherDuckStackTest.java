package io.duckstep.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the warehouse in MotherDuck (context warehouse=motherduck).
 */
class MotherDuckStackTest
{
    private static Template template;

    @BeforeAll
    static void synthesize()
    {
        template = Template.fromStack(TestingStacks.stack(TestingStacks.motherDuckApp(), "motherduck", Optional.of("analytics"), Optional.empty()));
    }

    @Test
    void queryFunctions_nameTheDatabaseAndTheTokenSecretNeverAToken()
    {
        String variables = environment("io.duckstep.lambda.query.QueryHandler::handleRequest");

        assertThat(variables).contains("\"DUCKSTEP_WAREHOUSE_PROVIDER\":\"motherduck\"").contains("\"DUCKSTEP_MOTHERDUCK_DATABASE\":\"analytics\"")
                .contains("DUCKSTEP_MOTHERDUCK_TOKEN_SECRET").contains("SecretsMotherDuckToken")
                .doesNotContain("DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET");
    }

    @Test
    void modelQueries_useTheReadScalingTokenSecret()
    {
        assertThat(environment("io.duckstep.lambda.query.PromptQueryHandler::handleRequest"))
                .contains("DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET").contains("SecretsMotherDuckReadScalingToken")
                .doesNotContain("\"DUCKSTEP_MOTHERDUCK_TOKEN_SECRET\"");
    }

    private static String environment(String handler)
    {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Handler", handler)));
        assertThat(functions).hasSize(1);
        return new ObjectMapper().valueToTree(functions.values().iterator().next()).path("Properties").path("Environment").path("Variables").toString();
    }
}
