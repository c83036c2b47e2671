package io.duckstep.infra;

import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_UPLOADS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.STATE_MACHINE_ARN;

/**
 * Starts a summary run when an object is created under {@code uploads/}: an EventBridge rule on the bucket's
 * "Object Created" events invokes the trigger function, which may only start this state machine. An upload event that
 * cannot be delivered or handled is kept in a dead-letter queue and raises an alarm on {@link Props#alarmTopic()}.
 */
public final class UploadTrigger
        extends Construct
{
    public record Props(DuckStepStackProps stack, DataStorage storage, StateMachine stateMachine, ITopic alarmTopic) {}

    private final Function function;
    private final AsyncEventDelivery delivery;

    public UploadTrigger(Construct scope, String id, Props props)
    {
        super(scope, id);
        function = JavaFunctions.create(this, new JavaFunctions.Definition("Trigger", props.stack().lambdaPackage("trigger"),
                "io.duckstep.lambda.trigger.UploadTriggerHandler::handleRequest", 512, 30, false,
                Map.of(STATE_MACHINE_ARN, props.stateMachine().getStateMachineArn(), DUCKSTEP_UPLOADS_PREFIX, props.storage().location(DataStorage.UPLOADS))));
        props.stateMachine().grantStartExecution(function);
        delivery = new AsyncEventDelivery(this, "Delivery", new AsyncEventDelivery.Props(function, props.alarmTopic(),
                "an upload event (S3 Object Created; detail.object.key is the upload that did not start a run)",
                "Or start the run by hand: aws stepfunctions start-execution with the execution name the trigger derives (README) and input {\"upload\": \"s3://<bucket>/<key>\"}."));
        Rule.Builder.create(this, "UploadCreated")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(Map.of(
                                "bucket", Map.of("name", List.of(props.storage().bucket().getBucketName())),
                                "object", Map.of("key", List.of(Map.of("prefix", DataStorage.UPLOADS)))))
                        .build())
                .targets(List.of(delivery.target()))
                .build();
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
