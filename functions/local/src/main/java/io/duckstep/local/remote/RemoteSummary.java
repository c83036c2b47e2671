package io.duckstep.local.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.lambda.support.UploadRunNames;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * {@code duckstep run summary --remote}: on an upload (put under {@code uploads/}, where the stack's trigger
 * starts the run, found by the same name the trigger gives it) or on the latest upload (the state machine
 * started with {@code {}}); follows the execution and downloads the report where a local run would put it.
 */
public final class RemoteSummary
{
    public static final String UPLOADS_PREFIX = "uploads/";
    private static final int TRIGGER_ATTEMPTS = 60;

    private final RemoteConnection connection;
    private final Consumer<String> progress;
    private final ExecutionFollower follower;

    public RemoteSummary(RemoteConnection connection, Consumer<String> progress, Pause pause, Duration interval)
    {
        this.connection = requireNonNull(connection, "connection is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.follower = new ExecutionFollower(connection.stepFunctions(), progress, pause, interval);
    }

    /** @return where the report was downloaded */
    public Path runOnUpload(Path file, Path output)
            throws InterruptedException
    {
        if (!Files.isRegularFile(file)) {
            throw new RemoteFailureException(file + ": file does not exist");
        }
        String fileName = file.getFileName().toString();
        if (!UploadRunNames.accepted(fileName)) {
            throw new RemoteFailureException(file + ": not a .csv, .csv.gz, .parquet or .xlsx file, which the stack's trigger ignores");
        }
        DeployedStack stack = connection.stack();
        String key = UPLOADS_PREFIX + fileName;
        PutObjectResponse put;
        try {
            put = connection.s3().putObject(request -> request.bucket(stack.bucket()).key(key), RequestBody.fromFile(file));
        }
        catch (SdkException e) {
            throw new RemoteFailureException("cannot upload " + file + " to s3://" + stack.bucket() + "/" + key + ": " + s3Message(e), e);
        }
        String version = put.versionId() != null ? put.versionId() : put.eTag() == null ? null : put.eTag().replace("\"", "");
        String name = UploadRunNames.forObject(stack.bucket(), key, version);
        progress.accept("uploaded " + file + " to s3://" + stack.bucket() + "/" + key + "; waiting for the trigger to start " + name);
        String arn = ExecutionFollower.executionArn(stack.summaryStateMachineArn(), name);
        follower.awaitStart(arn, TRIGGER_ATTEMPTS);
        return finish(name, arn, output);
    }

    /** Runs on the latest upload, as a start with {@code {}} from the console does. */
    public Path runOnLatest(String name, Path output)
            throws InterruptedException
    {
        DeployedStack stack = connection.stack();
        String arn;
        try {
            arn = connection.stepFunctions().startExecution(request -> request.stateMachineArn(stack.summaryStateMachineArn()).name(name).input("{}")).executionArn();
        }
        catch (SdkException e) {
            throw ExecutionFollower.failure("start the summary workflow", e);
        }
        return finish(name, arn, output);
    }

    private Path finish(String name, String arn, Path output)
            throws InterruptedException
    {
        progress.accept("running workflow summary as " + name + " on " + connection.stack().name());
        DescribeExecutionResponse execution = follower.follow(arn);
        String runFiles = "s3://" + connection.stack().bucket() + "/runs/" + name + "/";
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
            String reason = Optional.ofNullable(execution.error()).orElse("States.Runtime") + Optional.ofNullable(execution.cause()).map(cause -> ": " + causeMessage(cause)).orElse("");
            throw new RemoteFailureException("workflow " + name + " " + execution.statusAsString() + ": " + reason + " (files of this run: " + runFiles + ")");
        }
        JsonNode result = readJson(execution.output());
        String report = result.path("report").asText(runFiles + "report.html");
        Path local = output.resolve("runs").resolve(name).resolve("report.html");
        download(report, local);
        return local;
    }

    private void download(String location, Path target)
    {
        if (!location.startsWith("s3://")) {
            throw new RemoteFailureException("the run's report is not in S3: " + location);
        }
        String path = location.substring("s3://".length());
        String bucket = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".download");
            try (var input = connection.s3().getObject(request -> request.bucket(bucket).key(key))) {
                Files.copy(input, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (SdkException e) {
            throw new RemoteFailureException("cannot download the report " + location + ": " + s3Message(e), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A Lambda error's cause is {"errorMessage": ...}; the message is what the user needs. */
    private static String causeMessage(String cause)
    {
        JsonNode parsed = readJson(cause);
        return parsed.path("errorMessage").isTextual() ? parsed.path("errorMessage").asText() : cause;
    }

    private static JsonNode readJson(String text)
    {
        try {
            return text == null ? JsonMapper.builder().build().createObjectNode() : JsonMapper.builder().build().readTree(text);
        }
        catch (IOException e) {
            return JsonMapper.builder().build().createObjectNode();
        }
    }

    static String s3Message(SdkException e)
    {
        return e instanceof S3Exception service ? DeployedStack.errorMessage(service) : e.getMessage();
    }
}
