package io.duckstep.infra;

import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * One message for every terminal status of the summary state machine: an EventBridge rule on its status changes
 * (SUCCEEDED, FAILED, TIMED_OUT, ABORTED) invokes the notification function, which publishes to an encrypted topic.
 */
public final class RunNotifications
        extends Construct
{
    public static final List<String> TERMINAL_STATUSES = List.of("SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");

    public record Props(DuckStepStackProps stack, DataStorage storage, StateMachine stateMachine) {}

    private final Topic topic;

    public RunNotifications(Construct scope, String id, Props props)
    {
        super(scope, id);
        Key key = Key.Builder.create(this, "TopicKey").enableKeyRotation(true).description("DuckStep notifications topic").build();
        topic = Topic.Builder.create(this, "Topic").displayName("DuckStep runs").masterKey(key).enforceSsl(true).build();
        props.stack().notificationEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        Function function = JavaFunctions.create(this, new JavaFunctions.Definition("Notify", props.stack().lambdaPackage("notification"),
                "io.duckstep.lambda.notification.NotificationHandler::handleRequest", 512, 60, false,
                Map.of("TOPIC_ARN", topic.getTopicArn(), "DUCKSTEP_RUNS_PREFIX", props.storage().location("runs"), "REPORT_LINK_SECONDS", "604800")));
        topic.grantPublish(function);
        // what a run produced comes from its manifest, runs/<run>/manifest.json
        props.storage().bucket().grantRead(function, DataStorage.RUNS + "*/manifest.json");
        Rule.Builder.create(this, "RunEnded")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.states"))
                        .detailType(List.of("Step Functions Execution Status Change"))
                        .detail(Map.of("stateMachineArn", List.of(props.stateMachine().getStateMachineArn()), "status", TERMINAL_STATUSES))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(4).build()))
                .build();
    }

    public Topic topic()
    {
        return topic;
    }
}
