package io.duckstep.lambda.notification;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.StructuredLog;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * EventBridge execution status change in, the {@link Notification} it published (or none) out.
 * Environment: {@code TOPIC_ARN}, {@code DUCKSTEP_RUNS_PREFIX} (where the runs' manifests are, {@code s3://bucket/runs}),
 * {@code REPORT_LINK_SECONDS} (default a week, the most S3 allows).
 */
public final class NotificationHandler
        implements RequestStreamHandler
{
    private final NotificationComposer composer;
    private final NotificationPublisher publisher;

    public NotificationHandler()
    {
        this(new NotificationComposer(new S3ReportLinks(S3Presigner.create()), runManifests(),
                        Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("REPORT_LINK_SECONDS", "604800")))),
                new SnsNotificationPublisher(SnsClient.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(20)).build())
                        .build(), requireNonNull(System.getenv("TOPIC_ARN"), "TOPIC_ARN is not set")));
    }

    NotificationHandler(NotificationComposer composer, NotificationPublisher publisher)
    {
        this.composer = requireNonNull(composer, "composer is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        ExecutionStatusEvent event = LambdaJson.read(input, ExecutionStatusEvent.class);
        Optional<Notification> notification = composer.compose(event);
        notification.ifPresent(publisher::publish);
        StructuredLog.info(context.getLogger(), event.detail() == null ? "unknown" : String.valueOf(event.detail().name()), "status change handled",
                Map.of("status", event.detail() == null ? "unknown" : String.valueOf(event.detail().status()), "published", notification.isPresent()));
        LambdaJson.write(output, notification.orElse(null));
    }

    private static RunManifests runManifests()
    {
        S3Client client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(20)).build())
                .build();
        return new S3RunManifests(client, requireNonNull(System.getenv("DUCKSTEP_RUNS_PREFIX"), "DUCKSTEP_RUNS_PREFIX is not set"));
    }
}
