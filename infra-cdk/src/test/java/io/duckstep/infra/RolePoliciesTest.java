package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role's statements, printed to a reviewed snapshot ({@code src/test/resources/role-policies.txt}); no
 * wildcard action anywhere; a {@code *} resource only for actions that have no resource-level permissions; every
 * other wildcard resource one of the explained patterns below. Function roles have no managed policy and write only
 * to their own log group; S3 listing is always limited by {@code s3:prefix}.
 */
class RolePoliciesTest
{
    private static final Path REVIEWED = TestingStacks.repositoryRoot().resolve("infra-cdk/src/test/resources/role-policies.txt");
    private static final Set<String> ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS = Set.of(
            // X-Ray trace writing and sampling
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
            // CloudWatch Logs delivery, for state machine logging
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
            "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");
    /** Wildcard resources that are scoped, each with why the wildcard is there. */
    private static final Map<Pattern, String> EXPLAINED_WILDCARDS = Map.of(
            Pattern.compile("<StorageData[0-9A-F]{8}\\.Arn>/(uploads|runs|warehouse|notifications)/\\*(/report\\.html)?"),
            "objects under one prefix of the data bucket, keyed by upload or run, known at run time",
            Pattern.compile("<StorageData[0-9A-F]{8}\\.Arn>/runs/\\*/(manifest\\.json|results/\\*|upload/\\*)"),
            "one named output of every run (its manifest, its results, its validated upload), the run known at run time",
            Pattern.compile("arn:aws:states:eu-west-1:111122223333:execution:<[A-Za-z0-9]+\\.Name>:\\*"),
            "the executions of one state machine, named at run time");

    private static JsonNode duckDb;
    private static JsonNode motherDuck;

    @BeforeAll
    static void synthesize()
    {
        duckDb = new ObjectMapper().valueToTree(TestingStacks.duckDbTemplate().toJSON());
        motherDuck = new ObjectMapper().valueToTree(Template.fromStack(TestingStacks.stack(TestingStacks.motherDuckApp(), "motherduck", Optional.of("analytics"), Optional.empty())).toJSON());
    }

    @Test
    void rolePolicies_matchTheReviewedSnapshot()
            throws IOException
    {
        String printed = print(duckDb);
        Path actual = Path.of("target", "role-policies.txt");
        Files.writeString(actual, printed);

        assertThat(printed)
                .as("role policies changed: review " + actual.toAbsolutePath() + " against " + REVIEWED + ", and copy it there if every change is intended")
                .isEqualTo(Files.readString(REVIEWED));
    }

    @Test
    void rolePolicies_haveNoWildcardAction()
    {
        for (JsonNode template : List.of(duckDb, motherDuck)) {
            assertThat(statements(template)).allSatisfy(statement -> assertThat(texts(statement.statement().path("Action")))
                    .as(statement.role() + " " + statement.statement())
                    .noneMatch(action -> action.contains("*") || action.contains("?")));
        }
    }

    @Test
    void rolePolicies_starResourceOnlyInAPolicyOfActionsWithoutResourceLevelPermissions()
    {
        for (JsonNode template : List.of(duckDb, motherDuck)) {
            List<RoleStatement> unscoped = statements(template).stream().filter(statement -> texts(statement.statement().path("Resource")).contains("*")).toList();

            assertThat(unscoped).isNotEmpty().allSatisfy(statement -> {
                assertThat(texts(statement.statement().path("Action"))).as(statement.role() + " " + statement.statement()).isSubsetOf(ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS);
                // and the policy holding it holds nothing else
                assertThat(statements(template)).filteredOn(other -> other.policy().equals(statement.policy()))
                        .allSatisfy(other -> assertThat(texts(other.statement().path("Resource"))).containsExactly("*"));
            });
        }
    }

    @Test
    void rolePolicies_everyOtherWildcardResourceIsAnExplainedPattern()
    {
        for (JsonNode template : List.of(duckDb, motherDuck)) {
            List<String> wildcards = statements(template).stream()
                    .flatMap(statement -> texts(statement.statement().path("Resource")).stream())
                    .filter(resource -> resource.contains("*") && !resource.equals("*"))
                    .distinct()
                    .toList();

            assertThat(wildcards).isNotEmpty().allSatisfy(resource -> assertThat(EXPLAINED_WILDCARDS.keySet()).as(resource)
                    .anyMatch(pattern -> pattern.matcher(resource).matches()));
        }
    }

    @Test
    void functions_eachHaveARoleOfTheirOwnWithoutManagedPolicies()
    {
        List<String> roles = new ArrayList<>();
        resources(duckDb, "AWS::Lambda::Function").forEach((id, function) -> roles.add(function.path("Properties").path("Role").path("Fn::GetAtt").path(0).asText()));

        assertThat(roles).hasSize(13).doesNotHaveDuplicates().allSatisfy(role -> {
            JsonNode properties = duckDb.path("Resources").path(role).path("Properties");
            assertThat(properties.path("AssumeRolePolicyDocument").toString()).contains("lambda.amazonaws.com");
            assertThat(properties.has("ManagedPolicyArns")).as(role).isFalse();
        });
    }

    @Test
    void functionRoles_writeLogsOnlyToTheirOwnLogGroup()
    {
        resources(duckDb, "AWS::Lambda::Function").forEach((id, function) -> {
            String role = function.path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
            String logGroup = function.path("Properties").path("LoggingConfig").path("LogGroup").path("Ref").asText();
            List<RoleStatement> logs = statements(duckDb).stream()
                    .filter(statement -> statement.role().equals(role) && statement.statement().path("Action").toString().contains("logs:"))
                    .toList();

            assertThat(logs).as(id).singleElement().satisfies(statement -> {
                assertThat(texts(statement.statement().path("Action"))).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
                assertThat(statement.statement().path("Resource").toString()).isEqualTo("{\"Fn::GetAtt\":[\"" + logGroup + "\",\"Arn\"]}");
            });
        });
    }

    @Test
    void s3Listing_alwaysCarriesAPrefixCondition()
    {
        for (JsonNode template : List.of(duckDb, motherDuck)) {
            List<RoleStatement> listing = statements(template).stream().filter(statement -> statement.statement().path("Action").toString().contains("s3:List")).toList();

            assertThat(listing).isNotEmpty().allSatisfy(statement -> assertThat(statement.statement().path("Condition").path("StringLike").path("s3:prefix").isArray())
                    .as(statement.role() + " " + statement.statement()).isTrue());
        }
    }

    @Test
    void s3Reads_neverTheWholeBucket()
    {
        // object actions name a prefix; the bucket itself only for listing (conditioned above)
        for (JsonNode template : List.of(duckDb, motherDuck)) {
            statements(template).stream().filter(statement -> statement.statement().path("Action").toString().contains("s3:")).forEach(statement ->
                    texts(statement.statement().path("Resource")).forEach(resource -> {
                        if (!statement.statement().path("Action").toString().contains("s3:ListBucket")) {
                            assertThat(resource).as(statement.role()).matches("<StorageData[0-9A-F]{8}\\.Arn>/[a-z]+/.*");
                        }
                    }));
        }
    }

    @Test
    void nagSuppressions_noneForTheWholeStack()
    {
        assertThat(duckDb.path("Metadata").path("cdk_nag").isMissingNode()).isTrue();
    }

    @Test
    void nagSuppressions_ofWildcardsEachNameOneResource()
    {
        resources(duckDb, null).forEach((id, resource) -> resource.path("Metadata").path("cdk_nag").path("rules_to_suppress").forEach(rule -> {
            if (rule.path("id").asText().equals("AwsSolutions-IAM5")) {
                assertThat(rule.path("applies_to").size()).as(id).isEqualTo(1);
                assertThat(rule.path("applies_to").path(0).isTextual()).as(id + ": a name, not a pattern").isTrue();
            }
        }));
    }

    /** Every role, its managed policies and its statements, as cdk-nag renders references. */
    static String print(JsonNode template)
    {
        StringBuilder out = new StringBuilder();
        Map<String, JsonNode> roles = new TreeMap<>(resources(template, "AWS::IAM::Role"));
        List<RoleStatement> statements = statements(template);
        roles.forEach((role, resource) -> {
            JsonNode properties = resource.path("Properties");
            List<String> principals = new ArrayList<>();
            properties.path("AssumeRolePolicyDocument").path("Statement").forEach(statement -> principals.add(flatten(statement.path("Principal"))));
            out.append(role).append(" (assumed by ").append(String.join(", ", principals)).append(")\n");
            list(properties.path("ManagedPolicyArns")).forEach(policy -> out.append("  managed policy ").append(flatten(policy)).append('\n'));
            statements.stream().filter(statement -> statement.role().equals(role)).forEach(statement -> {
                JsonNode body = statement.statement();
                out.append("  [").append(statement.policy()).append("] ").append(body.path("Effect").asText()).append(' ')
                        .append(String.join(", ", texts(body.path("Action")))).append('\n');
                texts(body.path("Resource")).forEach(target -> out.append("      on ").append(target).append('\n'));
                if (body.has("Condition")) {
                    out.append("      if ").append(body.path("Condition")).append('\n');
                }
            });
        });
        return out.toString();
    }

    record RoleStatement(String role, String policy, JsonNode statement) {}

    static List<RoleStatement> statements(JsonNode template)
    {
        List<RoleStatement> statements = new ArrayList<>();
        new TreeMap<>(resources(template, "AWS::IAM::Policy")).forEach((policy, resource) -> resource.path("Properties").path("Roles").forEach(role ->
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statement ->
                        statements.add(new RoleStatement(role.path("Ref").asText(), policy, statement)))));
        resources(template, "AWS::IAM::Role").forEach((role, resource) -> resource.path("Properties").path("Policies").forEach(inline ->
                inline.path("PolicyDocument").path("Statement").forEach(statement -> statements.add(new RoleStatement(role, role + "/" + inline.path("PolicyName").asText(), statement)))));
        return statements;
    }

    private static Map<String, JsonNode> resources(JsonNode template, String type)
    {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (type == null || entry.getValue().path("Type").asText().equals(type)) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    private static List<JsonNode> list(JsonNode node)
    {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        }
        else if (!node.isMissingNode()) {
            values.add(node);
        }
        return values;
    }

    /** The values of a field that holds one value or a list, references rendered as cdk-nag does. */
    private static List<String> texts(JsonNode node)
    {
        return list(node).stream().map(RolePoliciesTest::flatten).toList();
    }

    /** As cdk-nag flattens references: {@code <Id.Attribute>}, {@code <Id>}, joins concatenated. */
    private static String flatten(JsonNode node)
    {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Fn::Join")) {
            String delimiter = node.path("Fn::Join").path(0).asText();
            List<String> parts = new ArrayList<>();
            node.path("Fn::Join").path(1).forEach(part -> parts.add(flatten(part)));
            return String.join(delimiter, parts);
        }
        if (node.has("Fn::GetAtt")) {
            return "<" + node.path("Fn::GetAtt").path(0).asText() + "." + node.path("Fn::GetAtt").path(1).asText() + ">";
        }
        if (node.has("Ref")) {
            return "<" + node.path("Ref").asText() + ">";
        }
        if (node.has("Service")) {
            return list(node.path("Service")).stream().map(JsonNode::asText).collect(Collectors.joining(", "));
        }
        return node.toString();
    }
}
