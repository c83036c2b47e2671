package io.duckstep.infra;

import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_BUCKET;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_REPORT_LINK_BASE;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_RUNS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.TOPIC_ARN;

/**
 * One message for every terminal status of the summary state machine: an EventBridge rule on its status changes
 * (SUCCEEDED, FAILED, TIMED_OUT, ABORTED) invokes the notification function, which publishes to an encrypted topic
 * and records a marker under {@code notifications/} so a repeated event sends nothing twice. Nothing is dropped: see
 * {@link AsyncEventDelivery}.
 */
public final class RunNotifications
        extends Construct
{
    public static final List<String> TERMINAL_STATUSES = List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");

    /**
     * @param apiUrl the API's URL (its stage): the stable link to a run's report is {@code <apiUrl>/runs/<execution name>/report}
     */
    public record Props(DuckStepStackProps stack, DataStorage storage, StateMachine stateMachine, String apiUrl) {}

    private final Topic topic;
    private final Function function;
    private final AsyncEventDelivery delivery;

    public RunNotifications(Construct scope, String id, Props props)
    {
        super(scope, id);
        Key key = Key.Builder.create(this, "TopicKey").enableKeyRotation(true).description("DuckStep notifications topic").build();
        // CloudWatch alarms publish to the topic as the CloudWatch service, which needs the topic's key
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .build());
        topic = Topic.Builder.create(this, "Topic").displayName("DuckStep runs").masterKey(key).enforceSsl(true).build();
        props.stack().notificationEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        function = JavaFunctions.create(this, new JavaFunctions.Definition("Notify", props.stack().lambdaPackage("notification"),
                "io.duckstep.lambda.notification.NotificationHandler::handleRequest", 512, 60, false,
                Map.of(TOPIC_ARN, topic.getTopicArn(),
                        DUCKSTEP_RUNS_PREFIX, props.storage().location("runs"),
                        DUCKSTEP_BUCKET, props.storage().bucket().getBucketName(),
                        DUCKSTEP_REPORT_LINK_BASE, props.apiUrl())));
        function.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("sns:Publish")).resources(List.of(topic.getTopicArn())).build());
        function.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("kms:GenerateDataKey", "kms:Decrypt")).resources(List.of(key.getKeyArn())).build());
        // what a run produced comes from its manifest, runs/<run>/manifest.json
        // and whether its marker exists, when a create's answer was lost
        props.storage().grantGet(function, DataStorage.RUNS + "*/manifest.json", DataStorage.NOTIFICATIONS + "*");
        // its marker of each run end told: created only if absent, deleted again when publishing fails
        props.storage().grantPut(function, DataStorage.NOTIFICATIONS + "*");
        props.storage().grantDelete(function, DataStorage.NOTIFICATIONS + "*");

        delivery = new AsyncEventDelivery(this, "Delivery", new AsyncEventDelivery.Props(function, topic,
                "a run-end event (Step Functions status change; detail.name is the execution)", ""));

        Rule.Builder.create(this, "RunEnded")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.states"))
                        .detailType(List.of("Step Functions Execution Status Change"))
                        .detail(Map.of("stateMachineArn", List.of(props.stateMachine().getStateMachineArn()), "status", TERMINAL_STATUSES))
                        .build())
                .targets(List.of(delivery.target()))
                .build();
    }

    public Topic topic()
    {
        return topic;
    }

    public Function function()
    {
        return function;
    }

    public AsyncEventDelivery delivery()
    {
        return delivery;
    }
}
