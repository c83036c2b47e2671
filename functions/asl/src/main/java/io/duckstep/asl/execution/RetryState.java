package io.duckstep.asl.execution;

import io.duckstep.asl.definition.JitterStrategy;
import io.duckstep.asl.definition.Retrier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The retriers of one run of a state, with how often each has been used. The first retrier whose
 * {@code ErrorEquals} covers an error decides: once its {@code MaxAttempts} are used up the error is
 * not retried, even if a later retrier also covers it.
 */
final class RetryState
{
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final List<Retrier> retriers;
    private final RandomGenerator random;
    private final int[] attempts;

    RetryState(List<Retrier> retriers, RandomGenerator random)
    {
        this.retriers = List.copyOf(requireNonNull(retriers, "retriers is null"));
        this.random = requireNonNull(random, "random is null");
        this.attempts = new int[retriers.size()];
    }

    /** How long to wait before retrying after {@code error}, or empty when the error is not to be retried. */
    Optional<Duration> nextDelay(String error)
    {
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (ErrorMatcher.matches(retrier.errorEquals(), error)) {
                if (attempts[i] >= retrier.maxAttempts()) {
                    return Optional.empty();
                }
                attempts[i]++;
                return Optional.of(delay(retrier, attempts[i]));
            }
        }
        return Optional.empty();
    }

    /** {@code IntervalSeconds * BackoffRate^(attempt - 1)}, capped at {@code MaxDelaySeconds}, then jittered. */
    private Duration delay(Retrier retrier, int attempt)
    {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt - 1);
        if (retrier.maxDelaySeconds().isPresent()) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds().getAsInt());
        }
        if (retrier.jitterStrategy() == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos(Math.round(seconds * NANOS_PER_SECOND));
    }
}
