package io.duckstep.lambda.notification;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import io.duckstep.lambda.support.ReportLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * EventBridge execution status change in, the {@link Notification} it published (or none: not an end, or an end
 * already told) out. Environment: {@code TOPIC_ARN}, {@code DUCKSTEP_RUNS_PREFIX} (where the runs' manifests are,
 * {@code s3://bucket/runs}), {@code DUCKSTEP_BUCKET} (the {@code notifications/} markers), {@code DUCKSTEP_REPORT_LINK_BASE}
 * (the API's URL, for the report links).
 */
public final class NotificationHandler
        implements RequestStreamHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(NotificationHandler.class);

    private final NotificationComposer composer;
    private final SentNotifications sent;
    private final NotificationPublisher publisher;

    public NotificationHandler()
    {
        this(new NotificationComposer(requireNonNull(System.getenv("DUCKSTEP_REPORT_LINK_BASE"), "DUCKSTEP_REPORT_LINK_BASE is not set"), runManifests(), ReportLink.VALIDITY),
                new S3SentNotifications(S3Client.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                        .overrideConfiguration(noRetries())
                        .build(), requireNonNull(System.getenv("DUCKSTEP_BUCKET"), "DUCKSTEP_BUCKET is not set")),
                new SnsNotificationPublisher(SnsClient.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                        .overrideConfiguration(noRetries())
                        .build(), requireNonNull(System.getenv("TOPIC_ARN"), "TOPIC_ARN is not set")));
    }

    NotificationHandler(NotificationComposer composer, SentNotifications sent, NotificationPublisher publisher)
    {
        this.composer = requireNonNull(composer, "composer is null");
        this.sent = requireNonNull(sent, "sent is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "Notify", () -> {
            ExecutionStatusEvent event = LambdaJson.read(input, ExecutionStatusEvent.class);
            Observability.executionName(event.detail() == null ? null : event.detail().name());
            Optional<Notification> composed = composer.compose(event);
            Optional<Notification> notification = composed.filter(message -> sent.claim(event.detail().executionArn(), event.detail().status()));
            notification.ifPresent(message -> publish(message, event.detail()));
            LOG.info("status change handled", entry("status", event.detail() == null ? "unknown" : String.valueOf(event.detail().status())),
                    entry("published", notification.isPresent()), entry("duplicate", composed.isPresent() && notification.isEmpty()));
            LambdaJson.write(output, notification.orElse(null));
        });
    }

    private void publish(Notification notification, ExecutionStatusEvent.Detail detail)
    {
        try {
            publisher.publish(notification);
        }
        catch (RuntimeException e) {
            // not told after all: a redelivery of the event (Lambda's retry of this invocation) must send it
            try {
                sent.release(detail.executionArn(), detail.status());
            }
            catch (RuntimeException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
    }

    private static ClientOverrideConfiguration noRetries()
    {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(20)).build();
    }

    private static RunManifests runManifests()
    {
        S3Client client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(noRetries())
                .build();
        return new S3RunManifests(client, requireNonNull(System.getenv("DUCKSTEP_RUNS_PREFIX"), "DUCKSTEP_RUNS_PREFIX is not set"));
    }
}
