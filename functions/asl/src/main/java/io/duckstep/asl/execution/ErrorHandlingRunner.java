package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.Catcher;
import io.duckstep.asl.definition.ErrorHandling;
import io.duckstep.asl.definition.Transition;

import java.time.Duration;
import java.util.Optional;

/**
 * Runs a Task or Parallel state's work under its {@code Retry} and {@code Catch} fields:
 * retriers first (waiting through the sleeper), then the first matching catcher, which places
 * {@code {"Error": ..., "Cause": ...}} into the state's raw input at its {@code ResultPath}.
 */
final class ErrorHandlingRunner
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One attempt of the state's work, returning the state's output. */
    @FunctionalInterface
    interface Attempt
    {
        JsonNode run(int retryCount);
    }

    private ErrorHandlingRunner() {}

    static StateOutcome run(StateScope scope, ErrorHandling handling, Transition transition, JsonNode rawInput, Attempt attempt)
    {
        ExecutionEnvironment environment = scope.environment();
        RetryState retries = new RetryState(handling.retriers(), environment.random());
        int retryCount = 0;
        while (true) {
            scope.cancellation().throwIfCancelled();
            StateFailedException failure;
            try {
                return new StateOutcome(attempt.run(retryCount), transition.next());
            }
            catch (StateFailedException e) {
                failure = e;
            }
            scope.cancellation().throwIfCancelled();
            String error = failure.error().orElse(null);
            Optional<Duration> delay = retries.nextDelay(error);
            if (delay.isPresent()) {
                retryCount++;
                environment.history().stateRetrying(scope.stateName(), failure, retryCount, delay.get());
                sleep(environment, delay.get());
                continue;
            }
            for (Catcher catcher : handling.catchers()) {
                if (ErrorMatcher.matches(catcher.errorEquals(), error)) {
                    JsonNode output = DataFlow.resultPath(catcher.resultPath(), rawInput, errorOutput(failure));
                    return new StateOutcome(output, Optional.of(catcher.next()));
                }
            }
            throw failure;
        }
    }

    private static ObjectNode errorOutput(StateFailedException failure)
    {
        ObjectNode output = NODES.objectNode();
        failure.error().ifPresent(error -> output.put("Error", error));
        failure.errorCause().ifPresent(cause -> output.put("Cause", cause));
        return output;
    }

    private static void sleep(ExecutionEnvironment environment, Duration duration)
    {
        try {
            environment.sleeper().sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionCancelledException();
        }
    }
}
