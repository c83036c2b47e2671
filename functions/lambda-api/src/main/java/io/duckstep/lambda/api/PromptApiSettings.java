package io.duckstep.lambda.api;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.AWS_REGION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_UPLOADS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.PROMPT_STATE_MACHINE_ARN;
import static io.duckstep.contract.EnvironmentVariables.required;
import static java.util.Objects.requireNonNull;

/**
 * The prompt API's settings.
 *
 * @param region {@code AWS_REGION}
 * @param promptStateMachineArn {@code PROMPT_STATE_MACHINE_ARN}: the prompt state machine a question starts
 * @param uploadsPrefix {@code DUCKSTEP_UPLOADS_PREFIX}: the only place an {@code upload} may be, {@code s3://<bucket>/uploads/}
 */
public record PromptApiSettings(String region, String promptStateMachineArn, String uploadsPrefix)
{
    public PromptApiSettings
    {
        requireNonNull(region, "region is null");
        requireNonNull(promptStateMachineArn, "promptStateMachineArn is null");
        requireNonNull(uploadsPrefix, "uploadsPrefix is null");
    }

    public static PromptApiSettings fromEnvironment(Map<String, String> environment)
    {
        return new PromptApiSettings(
                required(environment, AWS_REGION),
                required(environment, PROMPT_STATE_MACHINE_ARN),
                required(environment, DUCKSTEP_UPLOADS_PREFIX));
    }
}
