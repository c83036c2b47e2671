package io.duckstep.lambda.llm;

import io.duckstep.llm.ModelSettings;

import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.AWS_REGION;
import static io.duckstep.contract.EnvironmentVariables.OPENAI_KEY_SECRET;
import static io.duckstep.contract.EnvironmentVariables.required;
import static java.util.Objects.requireNonNull;

/**
 * The model function's settings.
 *
 * @param region {@code AWS_REGION}
 * @param openAiKeySecret {@code OPENAI_KEY_SECRET}: the secret's ARN, never the key
 * @param model the model, its endpoint and its timeout ({@link ModelSettings#fromEnvironment})
 */
public record ModelHandlerSettings(String region, String openAiKeySecret, ModelSettings model)
{
    public ModelHandlerSettings
    {
        requireNonNull(region, "region is null");
        requireNonNull(openAiKeySecret, "openAiKeySecret is null");
        requireNonNull(model, "model is null");
    }

    public static ModelHandlerSettings fromEnvironment(Map<String, String> environment)
    {
        return new ModelHandlerSettings(required(environment, AWS_REGION), required(environment, OPENAI_KEY_SECRET), ModelSettings.fromEnvironment(environment));
    }
}
