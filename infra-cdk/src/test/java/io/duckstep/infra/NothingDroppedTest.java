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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that cannot be delivered or handled is kept, and someone is told: each EventBridge target retries and has a
 * dead-letter queue, each function invoked asynchronously has an on-failure queue, and a message in any of those
 * queues raises an alarm on the notification topic. One behaviour per test.
 */
class NothingDroppedTest
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
    void eventRules_eachTargetRetriesAndHasADeadLetterQueue()
    {
        List<JsonNode> targets = new ArrayList<>();
        resources("AWS::Events::Rule").forEach(rule -> rule.path("Properties").path("Targets").forEach(targets::add));

        // the upload trigger and the run-end notification
        assertThat(targets).hasSize(2).allSatisfy(target -> {
            assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
            assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isPositive();
            assertThat(typeOf(target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText())).isEqualTo("AWS::SQS::Queue");
        });
    }

    @Test
    void eventTargets_eachFunctionHasAnOnFailureQueueAfterLambdasRetries()
    {
        List<String> targetFunctions = new ArrayList<>();
        resources("AWS::Events::Rule").forEach(rule -> rule.path("Properties").path("Targets").forEach(target -> targetFunctions.add(target.path("Arn").path("Fn::GetAtt").path(0).asText())));
        List<JsonNode> configs = resources("AWS::Lambda::EventInvokeConfig");

        assertThat(targetFunctions).hasSize(2).allSatisfy(function -> assertThat(configs)
                .filteredOn(config -> config.path("Properties").path("FunctionName").path("Ref").asText().equals(function))
                .singleElement()
                .satisfies(config -> {
                    assertThat(config.path("Properties").path("MaximumRetryAttempts").asInt()).isEqualTo(2);
                    String destination = config.path("Properties").path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt").path(0).asText();
                    assertThat(typeOf(destination)).isEqualTo("AWS::SQS::Queue");
                }));
    }

    @Test
    void onFailureQueue_isNotTheEventBridgeDeadLetterQueue()
    {
        List<String> deadLetterQueues = new ArrayList<>();
        resources("AWS::Events::Rule").forEach(rule -> rule.path("Properties").path("Targets").forEach(target -> deadLetterQueues.add(target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText())));
        List<String> onFailureQueues = resources("AWS::Lambda::EventInvokeConfig").stream()
                .map(config -> config.path("Properties").path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt").path(0).asText()).toList();

        // the two kinds of message differ (the event itself, or Lambda's invocation record), and so does their redrive
        assertThat(onFailureQueues).hasSize(2).doesNotContainAnyElementsOf(deadLetterQueues);
    }

    @Test
    void queues_areEncryptedAndKeepMessagesFourteenDays()
    {
        template.resourceCountIs("AWS::SQS::Queue", 4);
        template.allResourcesProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600));
    }

    @Test
    void queues_refuseUnencryptedTransport()
    {
        template.resourcePropertiesCountIs("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))), 4);
    }

    @Test
    void queues_eachRaiseAnAlarmOnTheNotificationTopicAtTheFirstMessage()
    {
        String topic = only("AWS::SNS::Topic");
        resourceIds("AWS::SQS::Queue").forEach(queue -> assertThat(resources("AWS::CloudWatch::Alarm"))
                .as("alarm of " + queue)
                .filteredOn(alarm -> alarm.path("Properties").path("Dimensions").toString().contains("\"" + queue + "\""))
                .singleElement()
                .satisfies(alarm -> {
                    JsonNode properties = alarm.path("Properties");
                    assertThat(properties.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
                    assertThat(properties.path("Namespace").asText()).isEqualTo("AWS/SQS");
                    assertThat(properties.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
                    assertThat(properties.path("Threshold").asDouble()).isEqualTo(1.0);
                    assertThat(properties.path("AlarmActions").toString()).isEqualTo("[{\"Ref\":\"" + topic + "\"}]");
                }));
    }

    @Test
    void alarms_nameTheirQueueAndTheRunbook()
    {
        assertThat(resources("AWS::CloudWatch::Alarm")).hasSize(4).allSatisfy(alarm -> {
            String queue = alarm.path("Properties").path("Dimensions").path(0).path("Value").path("Fn::GetAtt").path(0).asText();
            String description = alarm.path("Properties").path("AlarmDescription").toString();
            assertThat(description).contains("[\"" + queue + "\",\"QueueName\"]").contains("aws lambda invoke").contains("An upload did not produce a report");
        });
    }

    @Test
    void uploadAlarms_sayWhereTheUploadIsAndHowToStartTheRunByHand()
    {
        List<JsonNode> uploadAlarms = resources("AWS::CloudWatch::Alarm").stream().filter(alarm -> alarm.path("Properties").path("AlarmDescription").toString().contains("upload event")).toList();

        assertThat(uploadAlarms).hasSize(2).allSatisfy(alarm -> assertThat(alarm.path("Properties").path("AlarmDescription").toString())
                .contains("detail.object.key").contains("aws stepfunctions start-execution"));
    }

    @Test
    void topic_letsEachAlarmAndOnlyItPublishAsCloudWatch()
    {
        JsonNode statements = resources("AWS::SNS::TopicPolicy").get(0).path("Properties").path("PolicyDocument").path("Statement");
        List<String> alarmsAllowed = new ArrayList<>();
        statements.forEach(statement -> {
            if (statement.path("Principal").path("Service").asText().equals("cloudwatch.amazonaws.com")) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                assertThat(statement.path("Action").asText()).isEqualTo("sns:Publish");
                alarmsAllowed.add(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").path("Fn::GetAtt").path(0).asText());
            }
        });

        assertThat(alarmsAllowed).containsExactlyInAnyOrderElementsOf(resourceIds("AWS::CloudWatch::Alarm"));
    }

    @Test
    void topicKey_letsCloudWatchEncryptAlarmMessages()
    {
        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", "cloudwatch.amazonaws.com"), "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"))))))));
    }

    private static List<JsonNode> resources(String type)
    {
        List<JsonNode> found = new ArrayList<>();
        json.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        });
        return found;
    }

    private static List<String> resourceIds(String type)
    {
        List<String> ids = new ArrayList<>();
        json.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    private static String only(String type)
    {
        List<String> ids = resourceIds(type);
        assertThat(ids).as(type).hasSize(1);
        return ids.get(0);
    }

    private static String typeOf(String logicalId)
    {
        return json.path("Resources").path(logicalId).path("Type").asText();
    }
}
