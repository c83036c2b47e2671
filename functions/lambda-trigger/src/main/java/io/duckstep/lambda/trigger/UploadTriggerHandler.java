package io.duckstep.lambda.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.clients.AwsClients;
import io.duckstep.aws.clients.StepFunctionsExecutions;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * EventBridge S3 "Object Created" event in, {@link TriggerResult} out. Environment: {@link TriggerSettings}. A failed start
 * is retried by EventBridge's delivery retries, not twice over in the SDK too.
 */
public final class UploadTriggerHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(UploadTriggerHandler.class);

    private final UploadTrigger trigger;

    public UploadTriggerHandler()
    {
        this(TriggerSettings.fromEnvironment(System.getenv()));
    }

    private UploadTriggerHandler(TriggerSettings settings)
    {
        this(new UploadTrigger(settings.uploadsKeyPrefix(),
                new StepFunctionsExecutions(AwsClients.build(SfnClient.builder(), settings.region(), AwsClients.REQUEST), settings.stateMachineArn())::start));
    }

    UploadTriggerHandler(UploadTrigger trigger)
    {
        this.trigger = requireNonNull(trigger, "trigger is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "StartSummary", () -> {
            TriggerResult result = trigger.handle(LambdaJson.read(input, ObjectCreatedEvent.class));
            Observability.executionName(result.executionName());
            LOG.info("upload event handled", entry("upload", String.valueOf(result.upload())), entry("started", result.started()), entry("reason", result.reason()));
            LambdaJson.write(output, result);
        });
    }
}
