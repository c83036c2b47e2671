package io.duckstep.lambda.api;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.AWS_REGION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_BUCKET;
import static io.duckstep.contract.EnvironmentVariables.required;
import static java.util.Objects.requireNonNull;

/**
 * The report links' settings.
 *
 * @param region {@code AWS_REGION}
 * @param bucket {@code DUCKSTEP_BUCKET}: the bucket of the runs' reports
 */
public record ReportLinkSettings(String region, String bucket)
{
    public ReportLinkSettings
    {
        requireNonNull(region, "region is null");
        requireNonNull(bucket, "bucket is null");
    }

    public static ReportLinkSettings fromEnvironment(Map<String, String> environment)
    {
        return new ReportLinkSettings(required(environment, AWS_REGION), required(environment, DUCKSTEP_BUCKET));
    }
}
