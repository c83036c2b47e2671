package io.duckstep.asl.definition;

import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a state's {@code Retry} field.
 */
public record Retrier(
        List<String> errorEquals,
        int intervalSeconds,
        int maxAttempts,
        double backoffRate,
        OptionalInt maxDelaySeconds,
        JitterStrategy jitterStrategy)
{
    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public Retrier
    {
        errorEquals = List.copyOf(requireNonNull(errorEquals, "errorEquals is null"));
        requireNonNull(maxDelaySeconds, "maxDelaySeconds is null");
        requireNonNull(jitterStrategy, "jitterStrategy is null");
    }
}
