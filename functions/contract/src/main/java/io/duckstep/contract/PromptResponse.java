package io.duckstep.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/**
 * The answers of {@code POST /prompt} and {@code GET /prompt/{id}}, the same on AWS (the prompt API) and locally
 * ({@code duckstep serve}): 200 with the workflow's output ({@code {answer, query, attempts}}) and the question's
 * {@code id}; 202 with {@code {"id", "status": "RUNNING", "poll": "/prompt/<id>"}} while it runs; 502 with
 * {@code {"id", "status", "error"}} when the workflow failed; any refusal with {@code {"error": ...}}.
 */
public record PromptResponse(int statusCode, ObjectNode body)
{
    public PromptResponse
    {
        requireNonNull(body, "body is null");
    }

    /** 200: the workflow's output (an object; anything else is left out) with the question's id. */
    public static PromptResponse answered(String id, JsonNode output)
    {
        ObjectNode body = output != null && output.isObject() ? ((ObjectNode) output).deepCopy() : JsonNodeFactory.instance.objectNode();
        return new PromptResponse(200, body.put("id", id));
    }

    /** 202: still running; ask again at {@link #pollPath}. */
    public static PromptResponse running(String id)
    {
        return new PromptResponse(202, JsonNodeFactory.instance.objectNode().put("id", id).put("status", "RUNNING").put("poll", pollPath(id)));
    }

    /** 502: the workflow ended without an answer. */
    public static PromptResponse failed(String id, String status, String error)
    {
        return new PromptResponse(502, JsonNodeFactory.instance.objectNode().put("id", id).put("status", status).put("error", error));
    }

    /** A refusal or a failure of the server itself, with its reason. */
    public static PromptResponse error(int statusCode, String message)
    {
        return new PromptResponse(statusCode, JsonNodeFactory.instance.objectNode().put("error", message));
    }

    public static String pollPath(String id)
    {
        return "/prompt/" + id;
    }
}
