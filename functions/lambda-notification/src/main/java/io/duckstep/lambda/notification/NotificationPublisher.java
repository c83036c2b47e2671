package io.duckstep.lambda.notification;

/**
 * Sends a notification. The SNS adapter implements it; tests use a hand-written fake (SNS has no emulator here).
 */
public interface NotificationPublisher
{
    void publish(Notification notification);
}
