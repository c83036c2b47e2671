package io.duckstep.lambda.notification;

import software.amazon.awssdk.services.sns.SnsClient;

import static java.util.Objects.requireNonNull;

final class SnsNotificationPublisher
        implements NotificationPublisher
{
    private final SnsClient client;
    private final String topicArn;

    SnsNotificationPublisher(SnsClient client, String topicArn)
    {
        this.client = requireNonNull(client, "client is null");
        this.topicArn = requireNonNull(topicArn, "topicArn is null");
    }

    @Override
    public void publish(Notification notification)
    {
        client.publish(request -> request.topicArn(topicArn).subject(notification.subject()).message(notification.message()));
    }
}
