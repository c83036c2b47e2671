package io.duckstep.lambda.notification;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.clients.AwsClients;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import io.duckstep.lambda.support.ReportLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * EventBridge execution status change in, the {@link Notification} it published (or none: not an end, or an end
 * already told) out. Environment: {@link NotificationSettings}.
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
        this(NotificationSettings.fromEnvironment(System.getenv()));
    }

    private NotificationHandler(NotificationSettings settings)
    {
        this(settings, AwsClients.build(S3Client.builder(), settings.region(), AwsClients.REQUEST));
    }

    private NotificationHandler(NotificationSettings settings, S3Client s3)
    {
        this(new NotificationComposer(settings.reportLinkBase(), new S3RunManifests(s3, settings.runsPrefix()), ReportLink.VALIDITY),
                new S3SentNotifications(s3, settings.bucket()),
                new SnsNotificationPublisher(AwsClients.build(SnsClient.builder(), settings.region(), AwsClients.REQUEST), settings.topicArn()));
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
}
