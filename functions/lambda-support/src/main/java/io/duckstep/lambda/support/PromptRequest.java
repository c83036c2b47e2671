package io.duckstep.lambda.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A question as the HTTP endpoints take it, the local server and the AWS API alike: {@code {"prompt": "...", "upload": "...", "summary": true}}.
 * Parsing is strict, and every refusal says what is wrong (it becomes a 400).
 */
public record PromptRequest(String prompt, Optional<String> upload, boolean summary)
{
    public static final int MAXIMUM_PROMPT_CHARACTERS = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    public PromptRequest
    {
        requireNonNull(prompt, "prompt is null");
        requireNonNull(upload, "upload is null");
    }

    /**
     * The prompt state machine's input, {@code {"prompt", "summary", "upload"}}, with the upload as the endpoint resolved
     * it (an object under the stack's uploads prefix, or a file under the local uploads directory); none when empty.
     */
    public ObjectNode workflowInput(Optional<String> resolvedUpload)
    {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", prompt).put("summary", summary);
        resolvedUpload.ifPresent(location -> input.put("upload", location));
        return input;
    }

    /**
     * @throws InvalidPromptRequestException with the reason, for a 400
     */
    public static PromptRequest parse(String body)
    {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        }
        catch (Exception e) {
            throw new InvalidPromptRequestException("The body is not JSON: send {\"prompt\": \"your question\"}");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidPromptRequestException("The body must be a JSON object: {\"prompt\": \"your question\"}");
        }
        JsonNode prompt = json.get("prompt");
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            throw new InvalidPromptRequestException("\"prompt\" is required and must be a non-empty string");
        }
        if (prompt.asText().length() > MAXIMUM_PROMPT_CHARACTERS) {
            throw new InvalidPromptRequestException("\"prompt\" is longer than " + MAXIMUM_PROMPT_CHARACTERS + " characters");
        }
        JsonNode upload = json.get("upload");
        if (upload != null && !upload.isNull() && !upload.isTextual()) {
            throw new InvalidPromptRequestException("\"upload\" must be a string location");
        }
        JsonNode summary = json.get("summary");
        if (summary != null && !summary.isNull() && !summary.isBoolean()) {
            throw new InvalidPromptRequestException("\"summary\" must be true or false");
        }
        return new PromptRequest(prompt.asText().strip(), Optional.ofNullable(upload).filter(JsonNode::isTextual).map(JsonNode::asText),
                summary != null && summary.asBoolean(false));
    }
}
