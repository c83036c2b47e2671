package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.execution.CancellationToken;
import io.duckstep.asl.execution.ExecutionCancelledException;
import io.duckstep.asl.execution.ExecutionEnvironment;
import io.duckstep.asl.execution.ExecutionHistory;
import io.duckstep.asl.execution.GraphRunner;
import io.duckstep.asl.execution.StateFailedException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Runs a {@link StateMachine} in this process, with a {@link TaskHandler} for each Task resource.
 * Parallel branches really run concurrently. Immutable; one runner can run many
 * executions, also at the same time.
 */
public final class LocalStateMachineRunner
{
    private final StateMachine stateMachine;
    private final Map<String, TaskHandler> handlers;
    private final Sleeper sleeper;
    private final ExecutionListener listener;
    private final Clock clock;
    private final RandomGenerator random;
    private final Optional<ExecutorService> executor;

    private LocalStateMachineRunner(Builder builder)
    {
        this.stateMachine = requireNonNull(builder.stateMachine, "stateMachine is not set");
        this.handlers = Map.copyOf(builder.handlers);
        this.sleeper = builder.sleeper;
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.random = builder.random;
        this.executor = builder.executor;
        Set<String> missing = new TreeSet<>(stateMachine.resources());
        missing.removeAll(handlers.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("State machine '" + stateMachine.name() + "' uses resources without a task handler: " + missing);
        }
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public StateMachine stateMachine()
    {
        return stateMachine;
    }

    /** Runs an execution with a random name. */
    public ExecutionResult execute(JsonNode input)
    {
        return execute(UUID.randomUUID().toString(), input);
    }

    /**
     * Runs an execution to its end and reports how it ended; a failing execution is a result, not an exception.
     *
     * @param executionName as in the execution's ARN: 1 to 80 characters, no white space or special characters
     */
    public ExecutionResult execute(String executionName, JsonNode input)
    {
        ExecutionNames.check("execution name", executionName);
        requireNonNull(input, "input is null");
        String executionArn = StateMachine.ARN_PREFIX + "execution:" + stateMachine.name() + ":" + executionName;
        ExecutorService executorService = executor.orElseGet(() -> Executors.newCachedThreadPool(threadFactory(executionName)));
        ExecutionHistory history = new ExecutionHistory(clock, listener);
        Instant startTime = clock.instant();
        history.executionEvent(HistoryEventType.EXECUTION_STARTED, Optional.empty(), Optional.empty());
        ExecutionEnvironment environment = new ExecutionEnvironment(
                stateMachine.name(),
                stateMachine.arn(),
                executionName,
                executionArn,
                input.deepCopy(),
                startTime,
                handlers,
                sleeper,
                clock,
                random,
                executorService,
                history);
        CancellationToken cancellation = CancellationToken.root();
        Future<JsonNode> run = executorService.submit(() -> new GraphRunner(environment).run(stateMachine.definition().graph(), environment.input(), cancellation));
        Outcome outcome;
        try {
            outcome = await(run, cancellation);
        }
        finally {
            if (executor.isEmpty()) {
                executorService.shutdownNow();
            }
        }
        history.executionEvent(outcome.eventType(), outcome.error(), outcome.cause());
        return new ExecutionResult(executionName, executionArn, outcome.status(), outcome.output().map(JsonNode::deepCopy),
                outcome.error(), outcome.cause(), startTime, clock.instant(), history.events());
    }

    private Outcome await(Future<JsonNode> run, CancellationToken cancellation)
    {
        OptionalInt timeoutSeconds = stateMachine.definition().timeoutSeconds();
        try {
            JsonNode output = timeoutSeconds.isPresent() ? run.get(timeoutSeconds.getAsInt(), TimeUnit.SECONDS) : run.get();
            return new Outcome(ExecutionStatus.SUCCEEDED, Optional.of(output), Optional.empty(), Optional.empty());
        }
        catch (TimeoutException e) {
            cancellation.cancel();
            run.cancel(true);
            return new Outcome(ExecutionStatus.TIMED_OUT, Optional.empty(), Optional.of("States.Timeout"),
                    Optional.of("The execution did not finish within the state machine's TimeoutSeconds of " + timeoutSeconds.getAsInt() + " seconds"));
        }
        catch (InterruptedException e) {
            cancellation.cancel();
            run.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(ExecutionStatus.ABORTED, Optional.empty(), Optional.empty(), Optional.of("The thread waiting for the execution was interrupted"));
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StateFailedException failure) {
                return new Outcome(ExecutionStatus.FAILED, Optional.empty(), failure.error(), failure.errorCause());
            }
            if (cause instanceof ExecutionCancelledException) {
                return new Outcome(ExecutionStatus.ABORTED, Optional.empty(), Optional.empty(), Optional.of("The execution was cancelled"));
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The local runner failed while running state machine '" + stateMachine.name() + "'", cause);
        }
    }

    private record Outcome(ExecutionStatus status, Optional<JsonNode> output, Optional<String> error, Optional<String> cause)
    {
        HistoryEventType eventType()
        {
            return switch (status) {
                case SUCCEEDED -> HistoryEventType.EXECUTION_SUCCEEDED;
                case FAILED -> HistoryEventType.EXECUTION_FAILED;
                case TIMED_OUT -> HistoryEventType.EXECUTION_TIMED_OUT;
                case ABORTED -> HistoryEventType.EXECUTION_ABORTED;
            };
        }
    }

    private static ThreadFactory threadFactory(String executionName)
    {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "asl-" + executionName + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public static final class Builder
    {
        private StateMachine stateMachine;
        private final Map<String, TaskHandler> handlers = new HashMap<>();
        private Sleeper sleeper = Sleeper.system();
        private ExecutionListener listener = ExecutionListener.NONE;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SecureRandom();
        private Optional<ExecutorService> executor = Optional.empty();

        private Builder() {}

        public Builder stateMachine(StateMachine stateMachine)
        {
            this.stateMachine = requireNonNull(stateMachine, "stateMachine is null");
            return this;
        }

        /** Adds a handler for each resource; a later handler for the same resource replaces an earlier one. */
        public Builder handlers(Map<String, TaskHandler> handlers)
        {
            requireNonNull(handlers, "handlers is null").forEach(this::handler);
            return this;
        }

        public Builder handler(String resource, TaskHandler handler)
        {
            handlers.put(requireNonNull(resource, "resource is null"), requireNonNull(handler, "handler is null"));
            return this;
        }

        /** How retry delays wait; really sleeping by default. */
        public Builder sleeper(Sleeper sleeper)
        {
            this.sleeper = requireNonNull(sleeper, "sleeper is null");
            return this;
        }

        public Builder listener(ExecutionListener listener)
        {
            this.listener = requireNonNull(listener, "listener is null");
            return this;
        }

        /** The time of the context object's timestamps and the history; the system UTC clock by default. */
        public Builder clock(Clock clock)
        {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /** Randomness for {@code JitterStrategy: FULL}. */
        public Builder random(RandomGenerator random)
        {
            this.random = requireNonNull(random, "random is null");
            return this;
        }

        /**
         * Runs the execution, its Parallel branches and its Task handlers that have
         * a timeout. It must not bound its threads below what the definition runs at once, or the
         * execution deadlocks; the runner does not shut it down. By default every execution gets its
         * own unbounded pool of daemon threads, shut down when it ends.
         */
        public Builder executor(ExecutorService executor)
        {
            this.executor = Optional.of(requireNonNull(executor, "executor is null"));
            return this;
        }

        /**
         * @throws IllegalArgumentException when a resource the state machine uses has no handler
         */
        public LocalStateMachineRunner build()
        {
            return new LocalStateMachineRunner(this);
        }
    }
}
