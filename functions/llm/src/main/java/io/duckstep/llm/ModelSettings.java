package io.duckstep.llm;

import java.time.Duration;
import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MODEL;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MODEL_MAX_RETRIES;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MODEL_TIMEOUT_SECONDS;
import static io.duckstep.contract.EnvironmentVariables.OPENAI_BASE_URL;
import static io.duckstep.contract.EnvironmentVariables.optional;
import static java.util.Objects.requireNonNull;

/**
 * Which model, where, and how long to wait. Retries happen here, in the SDK, and only here: the prompt state
 * machine does not retry the model task. The timeout stays well under the function's own (the SDK's default is
 * ten minutes).
 *
 * @param model for example {@code gpt-4o-mini}
 * @param baseUrl any OpenAI-compatible endpoint, for example {@code https://api.openai.com/v1}
 * @param timeout for one request
 * @param maxRetries the SDK's retries of 408, 409, 429 and 5xx answers and of connection failures
 */
public record ModelSettings(String model, String baseUrl, Duration timeout, int maxRetries)
{
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RETRIES = 2;

    public ModelSettings
    {
        requireNonNull(model, "model is null");
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(timeout, "timeout is null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
    }

    /** {@code DUCKSTEP_MODEL}, {@code OPENAI_BASE_URL}, {@code DUCKSTEP_MODEL_TIMEOUT_SECONDS}, {@code DUCKSTEP_MODEL_MAX_RETRIES}. */
    public static ModelSettings fromEnvironment(Map<String, String> environment)
    {
        return new ModelSettings(
                optional(environment, DUCKSTEP_MODEL, DEFAULT_MODEL),
                optional(environment, OPENAI_BASE_URL, DEFAULT_BASE_URL),
                Duration.ofSeconds(Long.parseLong(optional(environment, DUCKSTEP_MODEL_TIMEOUT_SECONDS, Long.toString(DEFAULT_TIMEOUT.toSeconds())))),
                Integer.parseInt(optional(environment, DUCKSTEP_MODEL_MAX_RETRIES, Integer.toString(DEFAULT_MAX_RETRIES))));
    }
}
