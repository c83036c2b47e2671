package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.Sleeper;
import io.duckstep.asl.TaskHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Everything one execution's states share: who it is (for the context object), the task handlers
 * and the services the runner was built with.
 *
 * @param input the execution's input, never modified
 * @param executor runs Parallel branches and Task handlers that have a timeout
 */
public record ExecutionEnvironment(
        String stateMachineName,
        String stateMachineArn,
        String executionName,
        String executionArn,
        JsonNode input,
        Instant startTime,
        Map<String, TaskHandler> handlers,
        Sleeper sleeper,
        Clock clock,
        RandomGenerator random,
        ExecutorService executor,
        ExecutionHistory history)
{
    public ExecutionEnvironment
    {
        requireNonNull(stateMachineName, "stateMachineName is null");
        requireNonNull(stateMachineArn, "stateMachineArn is null");
        requireNonNull(executionName, "executionName is null");
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(input, "input is null");
        requireNonNull(startTime, "startTime is null");
        handlers = Map.copyOf(requireNonNull(handlers, "handlers is null"));
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(random, "random is null");
        requireNonNull(executor, "executor is null");
        requireNonNull(history, "history is null");
    }
}
