package io.duckstep.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.contract.PromptResponse;
import io.duckstep.lambda.support.InvalidPromptRequestException;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.PromptRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code POST /prompt} and {@code GET /prompt/{id}}, answering as {@link PromptResponse} says: a question starts one execution of the prompt state machine,
 * named after the API request id (a retried request starts nothing new); the answer comes back when it is ready
 * within the wait, else 202 with the id to poll. Bad requests get 400 with the reason. An {@code upload} must be an
 * object under this stack's uploads prefix ({@code s3://<bucket>/uploads/}): nothing else of the bucket, another bucket
 * or a local path can be handed to the workflow.
 */
public final class PromptApi
{
    private final PromptExecutions executions;
    private final String uploadsPrefix;
    private final Duration wait;
    private final Duration pollInterval;
    private final Clock clock;
    private final Pause pause;

    /** Waiting between two looks at a running execution. */
    @FunctionalInterface
    public interface Pause
    {
        void pause(Duration duration)
                throws InterruptedException;
    }

    /**
     * @param uploadsPrefix where uploads are, {@code s3://<bucket>/uploads/}
     */
    public PromptApi(PromptExecutions executions, String uploadsPrefix, Duration wait, Duration pollInterval, Clock clock, Pause pause)
    {
        this.executions = requireNonNull(executions, "executions is null");
        requireNonNull(uploadsPrefix, "uploadsPrefix is null");
        if (!uploadsPrefix.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/uploads/")) {
            throw new IllegalArgumentException("The uploads prefix must be s3://<bucket>/uploads/: " + uploadsPrefix);
        }
        this.uploadsPrefix = uploadsPrefix;
        this.wait = requireNonNull(wait, "wait is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pause = requireNonNull(pause, "pause is null");
    }

    public ApiResponse handle(ApiRequest request)
    {
        if ("POST".equals(request.httpMethod())) {
            return ask(request);
        }
        if ("GET".equals(request.httpMethod()) && request.pathParameters() != null && request.pathParameters().get("id") != null) {
            return answer(request.pathParameters().get("id"), Duration.ZERO);
        }
        return error(404, "Use POST /prompt with {\"prompt\": \"...\"}, or GET /prompt/{id}");
    }

    private ApiResponse ask(ApiRequest request)
    {
        PromptRequest prompt;
        try {
            prompt = PromptRequest.parse(request.body());
            prompt.upload().ifPresent(this::requireUpload);
        }
        catch (InvalidPromptRequestException e) {
            return error(400, e.getMessage());
        }
        String id = "prompt-" + (request.requestContext() == null || request.requestContext().requestId() == null
                ? java.util.UUID.randomUUID().toString() : request.requestContext().requestId().replaceAll("[^A-Za-z0-9_-]", "-"));
        executions.start(id, prompt.workflowInput(prompt.upload()).toString());
        return answer(id, wait);
    }

    /** An object under the uploads prefix, its key plain: no empty, {@code .} or {@code ..} segment, no control character. The refusal repeats nothing of it. */
    private void requireUpload(String upload)
    {
        String key = upload.startsWith(uploadsPrefix) ? upload.substring(uploadsPrefix.length()) : "";
        boolean plain = !key.isEmpty() && key.length() <= 1000 && key.chars().noneMatch(character -> character < 0x20 || character == 0x7f)
                && Arrays.stream(key.split("/", -1)).noneMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."));
        if (!plain) {
            throw new InvalidPromptRequestException("\"upload\" must be an object under " + uploadsPrefix);
        }
    }

    private ApiResponse answer(String id, Duration patience)
    {
        if (!id.matches("[A-Za-z0-9_-]{1,80}")) {
            return error(400, "Not a question id: " + id);
        }
        Instant deadline = clock.instant().plus(patience);
        while (true) {
            Optional<PromptExecutions.Execution> execution = executions.describe(id);
            if (execution.isEmpty()) {
                return error(404, "No question with id " + id);
            }
            String status = execution.get().status();
            if ("SUCCEEDED".equals(status)) {
                return ApiResponse.of(PromptResponse.answered(id, read(execution.get().output())));
            }
            if (!"RUNNING".equals(status) && !"PENDING_REDRIVE".equals(status)) {
                return ApiResponse.of(PromptResponse.failed(id, status, String.valueOf(execution.get().error())));
            }
            if (!clock.instant().plus(pollInterval).isBefore(deadline)) {
                return ApiResponse.of(PromptResponse.running(id));
            }
            try {
                pause.pause(pollInterval);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ApiResponse.of(PromptResponse.running(id));
            }
        }
    }

    private static JsonNode read(String json)
    {
        try {
            return json == null ? JsonNodeFactory.instance.objectNode() : LambdaJson.MAPPER.readTree(json);
        }
        catch (Exception e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static ApiResponse error(int status, String message)
    {
        return ApiResponse.of(PromptResponse.error(status, message));
    }
}
