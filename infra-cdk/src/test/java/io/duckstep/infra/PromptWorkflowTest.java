package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prompt workflow's resources, one behaviour per test, from one synthesis.
 */
class PromptWorkflowTest
{
    private static Template template;
    private static JsonNode json;

    @BeforeAll
    static void synthesize()
    {
        template = Template.fromStack(TestingStacks.stack(TestingStacks.app(), "duckdb", Optional.empty(), Optional.empty()));
        json = new ObjectMapper().valueToTree(template.toJSON());
    }

    @Test
    void api_methodsRequireIam()
    {
        template.resourcePropertiesCountIs("AWS::ApiGateway::Method", Map.of("AuthorizationType", "AWS_IAM"), 3);
        template.resourcePropertiesCountIs("AWS::ApiGateway::Method", Map.of("AuthorizationType", "NONE"), 0);
    }

    @Test
    void api_isThrottled()
    {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of("MethodSettings", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 10))))));
    }

    @Test
    void api_acceptsOnlyUploadsKeysForUpload()
    {
        List<String> patterns = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::ApiGateway::Model")) {
                patterns.add(resource.path("Properties").path("Schema").path("properties").path("upload").path("pattern").asText());
            }
        });
        assertThat(patterns).singleElement().satisfies(pattern -> {
            assertThat("s3://duckstep-data/uploads/2009/december.csv").matches(pattern);
            assertThat("s3://duckstep-data/runs/run/results/sales_trends.parquet").doesNotMatch(pattern);
            assertThat("s3://duckstep-data/warehouse/warehouse.duckdb").doesNotMatch(pattern);
            assertThat("/etc/passwd").doesNotMatch(pattern);
            assertThat("file:///etc/passwd").doesNotMatch(pattern);
            assertThat("s3://duckstep-data/uploads/").doesNotMatch(pattern);
        });
        // the handler checks the rest (this bucket, plain key segments) against the uploads prefix it is given
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "io.duckstep.lambda.api.PromptApiHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DUCKSTEP_UPLOADS_PREFIX", Match.anyValue())))));
    }

    @Test
    void api_validatesTheQuestionBody()
    {
        template.hasResourceProperties("AWS::ApiGateway::Model", Map.of("Schema", Match.objectLike(Map.of(
                "required", List.of("prompt"),
                "properties", Match.objectLike(Map.of("prompt", Map.of("type", "string", "minLength", 1, "maxLength", 2000)))))));
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Map.of("ValidateRequestBody", true));
        template.hasResourceProperties("AWS::ApiGateway::Method", Map.of("HttpMethod", "POST", "RequestValidatorId", Match.anyValue(), "RequestModels", Match.anyValue()));
    }

    @Test
    void api_invalidBody_is400SayingWhatIsWrong()
    {
        template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Map.of(
                "ResponseType", "BAD_REQUEST_BODY", "StatusCode", "400",
                "ResponseTemplates", Map.of("application/json", "{\"error\": \"$context.error.validationErrorString\"}")));
    }

    @Test
    void api_offersAGetToPollASlowQuestion()
    {
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "{id}"));
        template.hasResourceProperties("AWS::ApiGateway::Method", Map.of("HttpMethod", "GET", "RequestParameters", Map.of("method.request.path.id", true)));
    }

    private JsonNode promptStateMachine()
    {
        List<JsonNode> machines = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::StepFunctions::StateMachine") && resource.path("Properties").path("DefinitionString").toString().contains("AskModel")) {
                machines.add(resource.path("Properties"));
            }
        });
        assertThat(machines).hasSize(1);
        return machines.get(0);
    }

    @Test
    void promptStateMachine_holdsPromptAslInlineWithEveryPlaceholderSubstituted()
    {
        List<String> substitutions = new ArrayList<>();
        promptStateMachine().path("DefinitionSubstitutions").fieldNames().forEachRemaining(substitutions::add);
        assertThat(substitutions).containsExactlyInAnyOrderElementsOf(
                StateMachineDefinitions.placeholders(StateMachineDefinitions.read(TestingStacks.repositoryRoot(), "prompt")));
    }

    @Test
    void modelFunction_readsOnlyTheOpenAiKeyAndCarriesNoDuckDb()
    {
        Map<String, Map<String, Object>> model = template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Handler", "io.duckstep.lambda.llm.ModelHandler::handleRequest")));
        assertThat(model).hasSize(1);
        String variables = new ObjectMapper().valueToTree(model.values().iterator().next()).path("Properties").path("Environment").path("Variables").toString();
        assertThat(variables).contains("OPENAI_KEY_SECRET").contains("SecretsOpenAiKey").doesNotContain("MotherDuck");
    }

    @Test
    void modelFunction_startsFromASnapStartSnapshotThroughItsLiveAlias()
    {
        // its handler registers ModelPriming: openai-java's first-request work is in the snapshot, and no key is
        Map<String, Map<String, Object>> model = template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of(
                "Handler", "io.duckstep.lambda.llm.ModelHandler::handleRequest", "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        assertThat(model).hasSize(1);
        JsonNode modelArn = promptStateMachine().path("DefinitionSubstitutions").path("ModelFunctionArn");
        JsonNode alias = json.path("Resources").path(modelArn.path("Ref").asText());
        assertThat(alias.path("Type").asText()).isEqualTo("AWS::Lambda::Alias");
        assertThat(alias.path("Properties").path("FunctionName").path("Ref").asText()).isEqualTo(model.keySet().iterator().next());
    }
}
