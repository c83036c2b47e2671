package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthesized template, one behaviour per test. Synthesized once: each synthesis starts the jsii runtime.
 */
class DuckStepStackTest
{
    private static Template template;
    private static JsonNode json;

    @BeforeAll
    static void synthesize()
    {
        template = TestingStacks.duckDbTemplate();
        json = new ObjectMapper().valueToTree(template.toJSON());
    }

    @TestFactory
    Stream<DynamicTest> stateMachines_everyProjectDefinition_isDeployedWithEveryTaskAFunctionOfTheStack()
            throws IOException
    {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestingStacks.repositoryRoot().resolve("state-machines"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".asl.json")).sorted().toList()) {
                String text = Files.readString(file);
                List<JsonNode> deployed = new ArrayList<>();
                json.path("Resources").forEach(resource -> {
                    if ("AWS::StepFunctions::StateMachine".equals(resource.path("Type").asText())
                            && text.equals(resource.path("Properties").path("DefinitionString").asText())) {
                        deployed.add(resource);
                    }
                });
                assertThat(deployed).as("state machines deploying %s unchanged", file.getFileName()).hasSize(1);
                JsonNode stateMachine = deployed.get(0);
                for (DeployedStateMachines.TaskState task : DeployedStateMachines.tasks(DeployedStateMachines.definition(stateMachine))) {
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + task.name(), () -> {
                        if (task.resource().startsWith("arn:aws:states:::")) {
                            // A Step Functions service integration, not a function (startExecution of the summary).
                            assertThat(task.resource()).isEqualTo("arn:aws:states:::states:startExecution");
                            return;
                        }
                        assertThat(DeployedStateMachines.function(json, stateMachine, task.resource()))
                                .as("the Lambda function behind %s of %s", task.resource(), task.name())
                                .isPresent();
                    }));
                }
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @Test
    void bucket_blocksPublicAccessAndIsEncrypted()
    {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", Match.anyValue())),
                "VersioningConfiguration", Map.of("Status", "Enabled")));
    }

    @Test
    void bucket_enforcesTls()
    {
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void bucket_expiresRunOutputs()
    {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Id", "expire-run-outputs", "Prefix", "runs/", "ExpirationInDays", 30, "Status", "Enabled")))))));
    }

    @Test
    void functions_allRunJavaOnArm64()
    {
        // thirteen DuckStep functions, and no other (the bucket sends its events to EventBridge without a CDK custom resource)
        template.resourceCountIs("AWS::Lambda::Function", 13);
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Handler", Match.stringLikeRegexp("io\\.duckstep\\..*")))))
                .hasSize(13)
                .allSatisfy((id, function) -> assertThat(new ObjectMapper().valueToTree(function).path("Properties").toString())
                        .contains("\"Architectures\":[\"arm64\"]").contains("\"Runtime\":\"java25\""));
    }

    @Test
    void duckDbAndModelFunctions_useSnapStartBehindALiveAlias()
    {
        // prepare-upload, query and report; describe-data, prompt-query and the model
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions"))))).hasSize(6);
        template.resourceCountIs("AWS::Lambda::Alias", 6);
        template.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
    }

    @Test
    void logGroups_haveARetention()
    {
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        // one per function (13), per state machine (2), and the API's access log
        assertThat(template.findResources("AWS::Logs::LogGroup")).hasSize(16);
    }

    @Test
    void functions_logStructuredJson()
    {
        assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of(
                "Handler", Match.stringLikeRegexp("io\\.duckstep\\..*"), "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON")))))).hasSize(13);
    }

    @Test
    void stateMachine_holdsTheAslFileInlineWithEveryPlaceholderSubstituted()
    {
        JsonNode machine = summaryStateMachine();
        String definition = machine.path("DefinitionString").toString();
        assertThat(definition).contains("RunQueries").contains("SalesTrends").contains("PriceElasticity").contains("CustomerSegmentation").contains("BuildReport");
        assertThat(machine.has("DefinitionS3Location")).isFalse();
        List<String> substitutions = new ArrayList<>();
        machine.path("DefinitionSubstitutions").fieldNames().forEachRemaining(substitutions::add);
        assertThat(substitutions).containsExactlyInAnyOrderElementsOf(
                StateMachineDefinitions.placeholders(StateMachineDefinitions.read(TestingStacks.repositoryRoot(), "summary")));
    }

    @Test
    void stateMachine_logsWithoutExecutionDataAndTraces()
    {
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "LoggingConfiguration", Match.objectLike(Map.of("IncludeExecutionData", false, "Level", "ALL")),
                "TracingConfiguration", Map.of("Enabled", true)));
    }

    @Test
    void stateMachines_logUnderVendedLogs()
    {
        Map<String, Map<String, Object>> machines = template.findResources("AWS::StepFunctions::StateMachine");
        assertThat(machines).hasSize(2);
        machines.values().forEach(machine -> {
            JsonNode destination = new ObjectMapper().valueToTree(machine).path("Properties").path("LoggingConfiguration").path("Destinations").path(0)
                    .path("CloudWatchLogsLogGroup").path("LogGroupArn").path("Fn::GetAtt");
            String logGroup = destination.path(0).asText();
            assertThat(json.path("Resources").path(logGroup).path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(json.path("Resources").path(logGroup).path("Properties").path("LogGroupName").asText()).startsWith("/aws/vendedlogs/states/DuckStep-");
        });
    }

    @Test
    void uploadRule_matchesObjectsCreatedUnderUploads()
    {
        template.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Match.objectLike(Map.of(
                "source", List.of("aws.s3"), "detail-type", List.of("Object Created"),
                "detail", Match.objectLike(Map.of("object", Map.of("key", List.of(Map.of("prefix", "uploads/")))))))));
    }

    @Test
    void statusRule_coversEveryTerminalStatus()
    {
        template.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Match.objectLike(Map.of(
                "source", List.of("aws.states"),
                "detail", Match.objectLike(Map.of("status", List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED")))))));
    }

    @Test
    void topic_isEncryptedAndHasTheEmailSubscription()
    {
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "analyst@example.com"));
    }

    @Test
    void secrets_areCreatedWithoutAValue()
    {
        // the MotherDuck token, its read-scaling token, and the OpenAI key
        template.resourceCountIs("AWS::SecretsManager::Secret", 3);
        template.allResourcesProperties("AWS::SecretsManager::Secret", Map.of("SecretString", Match.absent()));
    }

    @Test
    void environment_holdsNoSecretValue()
    {
        template.findResources("AWS::Lambda::Function").values().forEach(function -> {
            JsonNode variables = new ObjectMapper().valueToTree(function).path("Properties").path("Environment").path("Variables");
            variables.fieldNames().forEachRemaining(name -> assertThat(name).doesNotContainIgnoringCase("TOKEN_VALUE").doesNotContainIgnoringCase("API_KEY"));
            assertThat(variables.toString()).doesNotContain("SecretString").doesNotContain("resolve:secretsmanager");
        });
    }

    @Test
    void trigger_mayOnlyStartTheSummaryStateMachine()
    {
        List<JsonNode> triggerStatements = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy") && resource.path("Properties").path("Roles").toString().contains("UploadTriggerTriggerRole")) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(triggerStatements::add);
            }
        });
        assertThat(triggerStatements).isNotEmpty();
        assertThat(triggerStatements).filteredOn(statement -> statement.path("Action").toString().contains("states:"))
                .singleElement()
                .satisfies(statement -> {
                    assertThat(statement.path("Action").asText()).isEqualTo("states:StartExecution");
                    assertThat(statement.path("Resource").toString()).contains("SummaryWorkflowSummary");
                });
    }

    @Test
    void queryFunction_readsOnlyRunsAndWarehouseAndWritesOnlyRuns()
    {
        String policies = policiesOf("SummaryWorkflowQueryRole");
        assertThat(policies).contains("/runs/*").contains("/warehouse/*").doesNotContain("/uploads/*");
        assertThat(policies).doesNotContain("\"s3:*\"").doesNotContain("\"Action\":\"*\"");
    }

    @Test
    void prepareAndQuarantine_readUploadsAndWriteOnlyRuns()
    {
        for (String role : List.of("SummaryWorkflowPrepareUploadRole", "SummaryWorkflowQuarantineRole")) {
            String policies = policiesOf(role);
            assertThat(policies).as(role).contains("/uploads/*").contains("/runs/*").doesNotContain("/warehouse/*");
            assertThat(writes(role)).as(role).allMatch(resource -> resource.contains("/runs/*"));
        }
    }

    @Test
    void latestUpload_mayOnlyListUploads()
    {
        String policies = policiesOf("SummaryWorkflowLatestUploadRole");
        assertThat(policies).contains("\"s3:ListBucket\"").contains("\"s3:prefix\":[\"uploads/*\"]")
                .doesNotContain("s3:GetObject").doesNotContain("s3:PutObject");
    }

    @Test
    void report_readsRunsAndWarehouseAndWritesOnlyRuns()
    {
        assertThat(policiesOf("SummaryWorkflowReportRole")).contains("/runs/*").contains("/warehouse/*").doesNotContain("/uploads/*");
        assertThat(writes("SummaryWorkflowReportRole")).allMatch(resource -> resource.contains("/runs/*"));
    }

    @Test
    void manifest_readsRunsAndTheWarehouseWritesOnlyManifestsAndDeletesOnlyRunOutputs()
    {
        String policies = policiesOf("SummaryWorkflowManifestRole");
        // the warehouse only to checksum it for the run's lineage
        assertThat(policies).contains("/runs/*").contains("/warehouse/*").doesNotContain("/uploads/*");
        assertThat(writes("SummaryWorkflowManifestRole")).singleElement().asString().contains("/runs/*/manifest.json");
        assertThat(policies).contains("\"s3:DeleteObject\"").contains("/runs/*/results/*").contains("/runs/*/report.html").contains("/runs/*/upload/*")
                .doesNotContain("s3:DeleteObject*");
    }

    @Test
    void notification_publishesAndReadsOnlyManifests()
    {
        String policies = policiesOf("NotificationsNotifyRole");
        assertThat(policies).contains("sns:Publish").contains("/runs/*/manifest.json").doesNotContain("states:")
                .doesNotContain("/uploads/").doesNotContain("/warehouse/");
    }

    @Test
    void notification_writesAndDeletesOnlyItsMarkers()
    {
        assertThat(writes("NotificationsNotifyRole")).singleElement().satisfies(resource -> assertThat(resource).endsWith("\"/notifications/*\"]]}"));
        List<String> deletes = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
                    if (statement.path("Action").toString().contains("s3:DeleteObject")) {
                        deletes.add(resource.path("Properties").path("Roles").toString() + statement.path("Resource"));
                    }
                });
            }
        });
        // the notification deletes only its markers; the only other role that deletes anything is the manifest's (a failed run's outputs)
        assertThat(deletes).filteredOn(delete -> delete.contains("NotificationsNotifyRole"))
                .singleElement().satisfies(delete -> assertThat(delete).endsWith("\"/notifications/*\"]]}"));
        assertThat(deletes).allSatisfy(delete -> assertThat(delete).containsAnyOf("NotificationsNotifyRole", "SummaryWorkflowManifestRole"));
    }

    @Test
    void notification_knowsTheBucketAndWhereReportLinksAre()
    {
        String variables = environment("io.duckstep.lambda.notification.NotificationHandler::handleRequest");
        // the stable report link is <DUCKSTEP_REPORT_LINK_BASE>/runs/<execution name>/report: the API stage's URL
        assertThat(variables).contains("\"DUCKSTEP_BUCKET\":{\"Ref\":\"StorageData").contains("\"DUCKSTEP_REPORT_LINK_BASE\":{\"Fn::Join\"")
                .contains("{\"Ref\":\"PromptWorkflowApi").contains(".execute-api.eu-west-1.").contains("{\"Ref\":\"PromptWorkflowApiDeploymentStageprod");
    }

    @Test
    void bucket_expiresNotificationMarkers()
    {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Id", "expire-notification-markers", "Prefix", "notifications/", "ExpirationInDays", 30, "Status", "Enabled")))))));
    }

    @Test
    void bucket_sendsItsEventsToEventBridge()
    {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true))));
        template.resourceCountIs("Custom::S3BucketNotifications", 0);
    }

    @Test
    void accessLogBucket_takesLogsByBucketPolicyWithAclsOff()
    {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", "logging.s3.amazonaws.com"), "Action", "s3:PutObject")))))));
    }

    @Test
    void stateMachine_everyTaskResourceIsAFunctionOfTheStack()
    {
        JsonNode machine = summaryStateMachine();
        List<String> functionReferences = new ArrayList<>();
        machine.path("DefinitionSubstitutions").forEach(value -> functionReferences.add(value.toString()));
        assertThat(functionReferences).hasSize(6).allSatisfy(reference -> assertThat(reference).containsAnyOf("\"Ref\":\"SummaryWorkflow", "\"Fn::GetAtt\":[\"SummaryWorkflow"));
        // the referenced resources are this stack's functions or their live aliases
        functionReferences.forEach(reference -> {
            String logicalId = reference.replaceAll(".*\"(SummaryWorkflow[A-Za-z0-9]+)\".*", "$1");
            assertThat(json.path("Resources").path(logicalId).path("Type").asText()).as(logicalId).isIn("AWS::Lambda::Function", "AWS::Lambda::Alias");
        });
    }

    private static String environment(String handler)
    {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Handler", handler)));
        assertThat(functions).hasSize(1);
        return new ObjectMapper().valueToTree(functions.values().iterator().next()).path("Properties").path("Environment").path("Variables").toString();
    }

    /** The S3 resources a role may write to (PutObject and friends). */
    private static List<String> writes(String role)
    {
        List<String> resources = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy") && resource.path("Properties").path("Roles").toString().contains(role)) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
                    if (statement.path("Action").toString().contains("s3:PutObject")) {
                        resources.add(statement.path("Resource").toString());
                    }
                });
            }
        });
        assertThat(resources).as("write statements of " + role).isNotEmpty();
        return resources;
    }

    private static String policiesOf(String prefix)
    {
        StringBuilder policies = new StringBuilder();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy") && resource.path("Properties").path("Roles").toString().contains(prefix)) {
                policies.append(resource.path("Properties").path("PolicyDocument").toString());
            }
        });
        assertThat(policies).as("policy " + prefix).isNotEmpty();
        return policies.toString();
    }

    private static JsonNode summaryStateMachine()
    {
        List<JsonNode> found = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::StepFunctions::StateMachine") && resource.path("Properties").path("DefinitionString").toString().contains("RunQueries")) {
                found.add(resource.path("Properties"));
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
