package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How an execution ended.
 *
 * @param executionArn {@code arn:aws:states:local:000000000000:execution:<stateMachineName>:<executionName>}
 * @param output the execution's output, present when it {@link ExecutionStatus#SUCCEEDED}
 * @param error the error name, for a failure that has one
 * @param cause the error's cause, for a failure that has one
 * @param history every event, in the order they happened
 */
public record ExecutionResult(
        String executionName,
        String executionArn,
        ExecutionStatus status,
        Optional<JsonNode> output,
        Optional<String> error,
        Optional<String> cause,
        Instant startTime,
        Instant stopTime,
        List<HistoryEvent> history)
{
    public ExecutionResult
    {
        requireNonNull(executionName, "executionName is null");
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(status, "status is null");
        requireNonNull(output, "output is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(stopTime, "stopTime is null");
        history = List.copyOf(requireNonNull(history, "history is null"));
    }

    public boolean succeeded()
    {
        return status == ExecutionStatus.SUCCEEDED;
    }
}
