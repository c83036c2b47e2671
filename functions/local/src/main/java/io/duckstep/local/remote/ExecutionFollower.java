package io.duckstep.local.remote;

import io.duckstep.local.runs.Durations;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Follows a Step Functions execution to its end, printing the same per-state progress lines as the local
 * runner ({@code "  <State> ..."}, {@code "  <State> done (<time>)"}, {@code "  <State> failed: <error>"})
 * from its execution history.
 */
public final class ExecutionFollower
{
    private final SfnClient client;
    private final Consumer<String> progress;
    private final Pause pause;
    private final Duration interval;

    public ExecutionFollower(SfnClient client, Consumer<String> progress, Pause pause, Duration interval)
    {
        this.client = requireNonNull(client, "client is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.pause = requireNonNull(pause, "pause is null");
        this.interval = requireNonNull(interval, "interval is null");
    }

    /** The ARN of execution {@code name} of a state machine. */
    public static String executionArn(String stateMachineArn, String name)
    {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name;
    }

    /**
     * Waits (at most {@code attempts} polls) for an execution that another party starts, such as the
     * upload trigger.
     */
    public void awaitStart(String executionArn, int attempts)
            throws InterruptedException
    {
        for (int attempt = 1; ; attempt++) {
            try {
                client.describeExecution(request -> request.executionArn(executionArn));
                return;
            }
            catch (ExecutionDoesNotExistException e) {
                if (attempt >= attempts) {
                    throw new RemoteFailureException("no execution " + executionArn.substring(executionArn.lastIndexOf(':') + 1) + " started after the upload: is the stack's upload trigger (EventBridge rule) enabled?", e);
                }
            }
            catch (SdkException e) {
                throw failure("describe the execution", e);
            }
            pause.pause(interval);
        }
    }

    /** Prints the progress of an execution until it ends, and returns how it ended. */
    public DescribeExecutionResponse follow(String executionArn)
            throws InterruptedException
    {
        Map<String, Instant> entered = new HashMap<>();
        long seen = 0;
        while (true) {
            DescribeExecutionResponse execution;
            try {
                execution = client.describeExecution(request -> request.executionArn(executionArn));
                String token = null;
                do {
                    String page = token;
                    GetExecutionHistoryResponse history = client.getExecutionHistory(request -> request.executionArn(executionArn).nextToken(page).maxResults(1000));
                    for (HistoryEvent event : history.events()) {
                        if (event.id() > seen) {
                            seen = event.id();
                            print(event, entered);
                        }
                    }
                    token = history.nextToken();
                }
                while (token != null);
            }
            catch (SdkException e) {
                throw failure("follow the execution", e);
            }
            if (execution.status() != ExecutionStatus.RUNNING && execution.status() != ExecutionStatus.PENDING_REDRIVE) {
                return execution;
            }
            pause.pause(interval);
        }
    }

    private void print(HistoryEvent event, Map<String, Instant> entered)
    {
        String type = event.typeAsString();
        if (event.stateEnteredEventDetails() != null && type.endsWith("StateEntered")) {
            String name = event.stateEnteredEventDetails().name();
            entered.put(name, event.timestamp());
            progress.accept("  " + name + " ...");
        }
        else if (event.stateExitedEventDetails() != null && type.endsWith("StateExited")) {
            String name = event.stateExitedEventDetails().name();
            Instant start = entered.remove(name);
            progress.accept("  " + name + " done (" + Durations.format(start == null ? Duration.ZERO : Duration.between(start, event.timestamp())) + ")");
        }
        else if (type.equals("ExecutionFailed") && event.executionFailedEventDetails() != null) {
            // as the local runner: the state the failure left the execution in failed with the error
            String state = entered.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("execution");
            progress.accept("  " + state + " failed: " + event.executionFailedEventDetails().error());
        }
    }

    static RemoteFailureException failure(String what, SdkException e)
    {
        if (e instanceof SfnException service) {
            return new RemoteFailureException("Step Functions refused to " + what + ": " + DeployedStack.errorMessage(service), e);
        }
        return new RemoteFailureException("cannot reach Step Functions to " + what + ": " + e.getMessage(), e);
    }
}
