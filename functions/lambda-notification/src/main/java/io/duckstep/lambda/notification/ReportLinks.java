package io.duckstep.lambda.notification;

import java.time.Duration;

/**
 * A time-limited link to a report in S3.
 */
public interface ReportLinks
{
    String link(String location, Duration validity);
}
