package io.duckstep.lambda.notification;

/**
 * Which run ends were already told, so a status-change event delivered twice (EventBridge delivers at least once)
 * sends one message. S3 implements it with a conditional create of a marker object.
 */
public interface SentNotifications
{
    /** Records that this execution's end with this status is being told; false when it already was. */
    boolean claim(String executionArn, String status);

    /** Forgets a claim whose message could not be published, so a redelivery of the event sends it. */
    void release(String executionArn, String status);
}
