package io.duckstep.lambda.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * EventBridge S3 "Object Created" event in, {@link TriggerResult} out. Environment: {@code STATE_MACHINE_ARN} and
 * {@code DUCKSTEP_UPLOADS_PREFIX} (for example {@code s3://bucket/uploads/}).
 */
public final class UploadTriggerHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(UploadTriggerHandler.class);

    private final UploadTrigger trigger;

    public UploadTriggerHandler()
    {
        this(new UploadTrigger(UploadTrigger.keyPrefix(System.getenv().getOrDefault("DUCKSTEP_UPLOADS_PREFIX", "uploads/")),
                new StepFunctionsExecutionStarter(SfnClient.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                        // Retried by EventBridge's delivery retries, not twice over in the SDK too.
                        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(20)).build())
                        .build(), requireNonNull(System.getenv("STATE_MACHINE_ARN"), "STATE_MACHINE_ARN is not set"))));
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
