package io.duckstep.infra;

import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Starts a summary run when an object is created under {@code uploads/}: an EventBridge rule on the bucket's
 * "Object Created" events invokes the trigger function, which may only start this state machine.
 */
public final class UploadTrigger
        extends Construct
{
    public record Props(DuckStepStackProps stack, DataStorage storage, StateMachine stateMachine) {}

    private final Function function;
    private final Rule rule;

    public UploadTrigger(Construct scope, String id, Props props)
    {
        super(scope, id);
        function = JavaFunctions.create(this, new JavaFunctions.Definition("Trigger", props.stack().lambdaPackage("trigger"),
                "io.duckstep.lambda.trigger.UploadTriggerHandler::handleRequest", 512, 30, false,
                Map.of("STATE_MACHINE_ARN", props.stateMachine().getStateMachineArn(), "DUCKSTEP_UPLOADS_PREFIX", props.storage().location(DataStorage.UPLOADS))));
        props.stateMachine().grantStartExecution(function);
        rule = Rule.Builder.create(this, "UploadCreated")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.s3"))
                        .detailType(List.of("Object Created"))
                        .detail(Map.of(
                                "bucket", Map.of("name", List.of(props.storage().bucket().getBucketName())),
                                "object", Map.of("key", List.of(Map.of("prefix", DataStorage.UPLOADS)))))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(4).build()))
                .build();
    }

    public Function function()
    {
        return function;
    }
}
