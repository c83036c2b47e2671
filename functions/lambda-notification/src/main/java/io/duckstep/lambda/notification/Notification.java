package io.duckstep.lambda.notification;

/**
 * One message about one run's outcome.
 */
public record Notification(String subject, String message) {}
