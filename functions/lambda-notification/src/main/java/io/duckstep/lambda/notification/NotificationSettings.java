package io.duckstep.lambda.notification;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.AWS_REGION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_BUCKET;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_REPORT_LINK_BASE;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_RUNS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.TOPIC_ARN;
import static io.duckstep.contract.EnvironmentVariables.required;
import static java.util.Objects.requireNonNull;

/**
 * The notification's settings.
 *
 * @param region {@code AWS_REGION}
 * @param topicArn {@code TOPIC_ARN}: where the messages go
 * @param runsPrefix {@code DUCKSTEP_RUNS_PREFIX}: where the runs' manifests are, {@code s3://bucket/runs}
 * @param bucket {@code DUCKSTEP_BUCKET}: the bucket of the {@code notifications/} markers
 * @param reportLinkBase {@code DUCKSTEP_REPORT_LINK_BASE}: the API's URL, for the report links
 */
public record NotificationSettings(String region, String topicArn, String runsPrefix, String bucket, String reportLinkBase)
{
    public NotificationSettings
    {
        requireNonNull(region, "region is null");
        requireNonNull(topicArn, "topicArn is null");
        requireNonNull(runsPrefix, "runsPrefix is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(reportLinkBase, "reportLinkBase is null");
    }

    public static NotificationSettings fromEnvironment(Map<String, String> environment)
    {
        return new NotificationSettings(
                required(environment, AWS_REGION),
                required(environment, TOPIC_ARN),
                required(environment, DUCKSTEP_RUNS_PREFIX),
                required(environment, DUCKSTEP_BUCKET),
                required(environment, DUCKSTEP_REPORT_LINK_BASE));
    }
}
