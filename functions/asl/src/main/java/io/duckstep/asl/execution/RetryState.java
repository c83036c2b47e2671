package io.duckstep.asl.execution;

import io.duckstep.asl.definition.JitterStrategy;
import io.duckstep.asl.definition.Retrier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The retriers of one run of a state, with how often each has been used. The first retrier whose
 * {@code ErrorEquals} covers an error decides, as the Amazon States Language specification's
 * "complex retry scenario" describes: {@code MaxAttempts} limits the retries of each error name
 * separately, while the backoff grows with every retry the retrier made, whatever the error. Once an
 * error's attempts are used up it is not retried, even if a later retrier also covers it.
 */
final class RetryState
{
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final List<Retrier> retriers;
    private final RandomGenerator random;
    private final int[] retries;
    private final List<Map<String, Integer>> retriesByError;

    RetryState(List<Retrier> retriers, RandomGenerator random)
    {
        this.retriers = List.copyOf(requireNonNull(retriers, "retriers is null"));
        this.random = requireNonNull(random, "random is null");
        this.retries = new int[retriers.size()];
        this.retriesByError = new ArrayList<>();
        for (int i = 0; i < retriers.size(); i++) {
            retriesByError.add(new HashMap<>());
        }
    }

    /** How long to wait before retrying after {@code error}, or empty when the error is not to be retried. */
    Optional<Duration> nextDelay(String error)
    {
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (ErrorMatcher.matches(retrier.errorEquals(), error)) {
                Map<String, Integer> byError = retriesByError.get(i);
                int errorRetries = byError.getOrDefault(error, 0);
                if (errorRetries >= retrier.maxAttempts()) {
                    return Optional.empty();
                }
                byError.put(error, errorRetries + 1);
                retries[i]++;
                return Optional.of(delay(retrier, retries[i]));
            }
        }
        return Optional.empty();
    }

    /** {@code IntervalSeconds * BackoffRate^(retry - 1)}, capped at {@code MaxDelaySeconds}, then jittered. */
    private Duration delay(Retrier retrier, int retry)
    {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), retry - 1);
        if (retrier.maxDelaySeconds().isPresent()) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds().getAsInt());
        }
        if (retrier.jitterStrategy() == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos(Math.round(seconds * NANOS_PER_SECOND));
    }
}
