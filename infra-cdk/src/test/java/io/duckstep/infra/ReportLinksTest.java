package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /runs/{id}/report} on the API: IAM-authorised, served by the report-link function, which may read only
 * the reports of runs. One behaviour per test.
 */
class ReportLinksTest
{
    private static Template template;
    private static JsonNode json;

    @BeforeAll
    static void synthesize()
    {
        template = TestingStacks.duckDbTemplate();
        json = new ObjectMapper().valueToTree(template.toJSON());
    }

    @Test
    void reportRoute_isAnIamAuthorisedGetWithTheRunId()
    {
        JsonNode method = reportMethod();

        assertThat(method.path("HttpMethod").asText()).isEqualTo("GET");
        assertThat(method.path("AuthorizationType").asText()).isEqualTo("AWS_IAM");
        assertThat(method.path("RequestParameters").toString()).isEqualTo("{\"method.request.path.id\":true}");
        assertThat(json.path("Resources").path(method.path("RequestValidatorId").path("Ref").asText()).path("Properties").path("ValidateRequestParameters").asBoolean()).isTrue();
    }

    @Test
    void reportRoute_isServedByTheReportLinkFunction()
    {
        assertThat(reportMethod().path("Integration").path("Uri").toString()).contains("\"" + reportLinkFunction() + "\"");
    }

    @Test
    void reportLinkFunction_isTheApiPackagesHandlerAndKnowsTheBucket()
    {
        JsonNode properties = json.path("Resources").path(reportLinkFunction()).path("Properties");

        assertThat(properties.path("Handler").asText()).isEqualTo("io.duckstep.lambda.api.ReportLinkHandler::handleRequest");
        assertThat(properties.path("Environment").path("Variables").path("DUCKSTEP_BUCKET").path("Ref").asText()).startsWith("StorageData");
    }

    @Test
    void reportLinkFunction_readsOnlyReportsOfRuns()
    {
        String role = json.path("Resources").path(reportLinkFunction()).path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
        List<JsonNode> s3 = new ArrayList<>();
        RolePoliciesTest.statements(json).stream()
                .filter(statement -> statement.role().equals(role) && statement.statement().path("Action").toString().contains("s3:"))
                .forEach(statement -> s3.add(statement.statement()));

        assertThat(s3).hasSize(2);
        assertThat(s3).filteredOn(statement -> statement.path("Action").asText().equals("s3:GetObject")).singleElement()
                .satisfies(statement -> assertThat(statement.path("Resource").toString()).endsWith("\"/runs/*/report.html\"]]}"));
        assertThat(s3).filteredOn(statement -> statement.path("Action").asText().equals("s3:ListBucket")).singleElement()
                .satisfies(statement -> assertThat(statement.path("Condition").toString()).isEqualTo("{\"StringLike\":{\"s3:prefix\":[\"runs/*\"]}}"));
    }

    private static String reportLinkFunction()
    {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", "io.duckstep.lambda.api.ReportLinkHandler::handleRequest")));
        assertThat(functions).hasSize(1);
        return functions.keySet().iterator().next();
    }

    /** The method on /runs/{id}/report, found by walking the resource tree from the API's root. */
    private static JsonNode reportMethod()
    {
        String runs = child(null, "runs");
        String id = child(runs, "{id}");
        String report = child(id, "report");
        List<JsonNode> methods = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::ApiGateway::Method") && resource.path("Properties").path("ResourceId").path("Ref").asText().equals(report)) {
                methods.add(resource.path("Properties"));
            }
        });
        assertThat(methods).hasSize(1);
        return methods.get(0);
    }

    private static String child(String parent, String pathPart)
    {
        List<String> found = new ArrayList<>();
        json.path("Resources").fields().forEachRemaining(entry -> {
            JsonNode properties = entry.getValue().path("Properties");
            boolean underParent = parent == null
                    ? properties.path("ParentId").has("Fn::GetAtt")
                    : properties.path("ParentId").path("Ref").asText().equals(parent);
            if (entry.getValue().path("Type").asText().equals("AWS::ApiGateway::Resource") && properties.path("PathPart").asText().equals(pathPart) && underParent) {
                found.add(entry.getKey());
            }
        });
        assertThat(found).as(pathPart).hasSize(1);
        return found.get(0);
    }
}
