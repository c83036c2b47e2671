package io.duckstep.local.remote;

import io.duckstep.local.runs.RunManifest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The executions of the stack's two state machines, newest first; a summary run is completed by its
 * manifest ({@code s3://<bucket>/runs/<run>/manifest.json}) where it has one.
 */
public final class RemoteRuns
{
    /** @param manifest the summary run's manifest, once it finished */
    public record RemoteRun(String name, String workflow, String status, Instant startedAt, Optional<Instant> stoppedAt, Optional<RunManifest> manifest)
    {
        public RemoteRun
        {
            requireNonNull(name, "name is null");
            requireNonNull(workflow, "workflow is null");
            requireNonNull(status, "status is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(stoppedAt, "stoppedAt is null");
            requireNonNull(manifest, "manifest is null");
        }

        public Optional<Duration> duration()
        {
            return stoppedAt.map(stop -> Duration.between(startedAt, stop));
        }
    }

    private final RemoteConnection connection;

    public RemoteRuns(RemoteConnection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    public List<RemoteRun> list(int limit)
    {
        DeployedStack stack = connection.stack();
        List<RemoteRun> runs = new ArrayList<>();
        runs.addAll(executions(stack.summaryStateMachineArn(), "summary", limit));
        runs.addAll(executions(stack.promptStateMachineArn(), "prompt", limit));
        return runs.stream().sorted(Comparator.comparing(RemoteRun::startedAt).reversed()).limit(limit).toList();
    }

    private List<RemoteRun> executions(String stateMachineArn, String workflow, int limit)
    {
        List<ExecutionListItem> items;
        try {
            items = connection.stepFunctions().listExecutions(request -> request.stateMachineArn(stateMachineArn).maxResults(Math.min(limit, 1000))).executions();
        }
        catch (SdkException e) {
            throw ExecutionFollower.failure("list the executions of " + stateMachineArn, e);
        }
        return items.stream()
                .map(item -> new RemoteRun(item.name(), workflow, item.statusAsString(), item.startDate(), Optional.ofNullable(item.stopDate()),
                        workflow.equals("summary") && !item.statusAsString().equals("RUNNING") ? manifest(item.name()) : Optional.empty()))
                .toList();
    }

    private Optional<RunManifest> manifest(String runId)
    {
        String bucket = connection.stack().bucket();
        String key = "runs/" + runId + "/" + RunManifest.FILE_NAME;
        try {
            String text = connection.s3().getObjectAsBytes(request -> request.bucket(bucket).key(key)).asUtf8String();
            return Optional.of(RunManifest.parse(text, "s3://" + bucket + "/" + key));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        catch (SdkException e) {
            throw new RemoteFailureException("cannot read s3://" + bucket + "/" + key + ": " + RemoteSummary.s3Message(e), e);
        }
    }
}
