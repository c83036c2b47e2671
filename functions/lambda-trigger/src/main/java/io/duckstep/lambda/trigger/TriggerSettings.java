package io.duckstep.lambda.trigger;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.AWS_REGION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_UPLOADS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.STATE_MACHINE_ARN;
import static io.duckstep.contract.EnvironmentVariables.optional;
import static io.duckstep.contract.EnvironmentVariables.required;
import static java.util.Objects.requireNonNull;

/**
 * The trigger's settings.
 *
 * @param region {@code AWS_REGION}
 * @param stateMachineArn {@code STATE_MACHINE_ARN}: the summary state machine
 * @param uploadsKeyPrefix the key part of {@code DUCKSTEP_UPLOADS_PREFIX} ({@code s3://bucket/uploads/} gives {@code uploads/}; default {@code uploads/})
 */
public record TriggerSettings(String region, String stateMachineArn, String uploadsKeyPrefix)
{
    public TriggerSettings
    {
        requireNonNull(region, "region is null");
        requireNonNull(stateMachineArn, "stateMachineArn is null");
        requireNonNull(uploadsKeyPrefix, "uploadsKeyPrefix is null");
    }

    public static TriggerSettings fromEnvironment(Map<String, String> environment)
    {
        return new TriggerSettings(
                required(environment, AWS_REGION),
                required(environment, STATE_MACHINE_ARN),
                UploadTrigger.keyPrefix(optional(environment, DUCKSTEP_UPLOADS_PREFIX, "uploads/")));
    }
}
