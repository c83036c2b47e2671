package io.duckstep.lambda.support;

import java.time.Duration;

/**
 * The report link the API serves and the notification gives: {@code <api>/runs/<runId>/report}, answered with a
 * redirect to a link presigned at that moment and valid for {@link #VALIDITY}.
 */
public final class ReportLink
{
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private ReportLink() {}

    /** The stable link to a run's report, under the API's URL (with or without a trailing slash). */
    public static String of(String apiUrl, String runId)
    {
        return apiUrl.replaceAll("/+$", "") + "/runs/" + runId + "/report";
    }
}
