package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.core.task.TaskError;
import io.duckstep.lambda.support.InvalidPromptRequestException;
import io.duckstep.lambda.support.PromptRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * {@code POST /prompt} on 127.0.0.1, with the contract of the AWS endpoint: 200 with {@code {answer, query, attempts}};
 * 400 with {@code {"error": ...}} for a bad request; 202 with {@code {"id", "status": "RUNNING"}} when the answer takes
 * longer than the wait, then {@code GET /prompt/<id>} until it is there. Each question runs once, and its answer is kept
 * until fetched.
 */
public final class PromptServer
        implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Questions answered at once; more get 503 with {@code Retry-After}. Each runs its queries in a worker process of
     * up to the sandbox's memory limit plus margin ({@link io.duckstep.core.prompt.SandboxLimits}), so this bounds memory too.
     */
    public static final int MAX_RUNNING_QUESTIONS = 4;
    static final int RETRY_AFTER_SECONDS = 5;

    private final HttpServer server;
    private final LocalTasks tasks;
    private final Duration wait;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "duckstep-prompt");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<ObjectNode>> questions = new ConcurrentHashMap<>();
    private final int maxRunningQuestions;
    private final Semaphore running;

    public PromptServer(LocalTasks tasks, int port, Duration wait)
            throws IOException
    {
        this(tasks, port, wait, MAX_RUNNING_QUESTIONS);
    }

    PromptServer(LocalTasks tasks, int port, Duration wait, int maxRunningQuestions)
            throws IOException
    {
        this.maxRunningQuestions = maxRunningQuestions;
        this.running = new Semaphore(maxRunningQuestions);
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.wait = requireNonNull(wait, "wait is null");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/prompt", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port()
    {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/prompt")) {
                ask(exchange);
            }
            else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/prompt/")) {
                poll(exchange, path.substring("/prompt/".length()));
            }
            else {
                respond(exchange, 404, error("Use POST /prompt with {\"prompt\": \"...\"}, or GET /prompt/<id>"));
            }
        }
    }

    private void ask(HttpExchange exchange)
            throws IOException
    {
        PromptRequest request;
        try {
            request = PromptRequest.parse(new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8));
        }
        catch (InvalidPromptRequestException e) {
            respond(exchange, 400, error(e.getMessage()));
            return;
        }
        String id = LocalWorkflows.newExecutionName("prompt");
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", request.prompt()).put("summary", request.summary());
        request.upload().ifPresent(upload -> input.put("upload", upload));
        if (!running.tryAcquire()) {
            exchange.getResponseHeaders().add("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            respond(exchange, 503, error("Busy: " + maxRunningQuestions + " questions are being answered; try again in " + RETRY_AFTER_SECONDS + " s"));
            return;
        }
        CompletableFuture<ObjectNode> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return run(id, input);
            }
            finally {
                running.release();
            }
        }, executor);
        questions.put(id, answer);
        respondWhenDone(exchange, id, answer);
    }

    private void poll(HttpExchange exchange, String id)
            throws IOException
    {
        CompletableFuture<ObjectNode> answer = questions.get(id);
        if (answer == null) {
            respond(exchange, 404, error("No question with id " + id));
            return;
        }
        respondWhenDone(exchange, id, answer);
    }

    private void respondWhenDone(HttpExchange exchange, String id, CompletableFuture<ObjectNode> answer)
            throws IOException
    {
        try {
            ObjectNode body = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            body.put("id", id);
            respond(exchange, body.has("error") ? 502 : 200, body);
        }
        catch (TimeoutException e) {
            respond(exchange, 202, JsonNodeFactory.instance.objectNode().put("id", id).put("status", "RUNNING").put("poll", "/prompt/" + id));
        }
        catch (Exception e) {
            respond(exchange, 500, error("The question failed: " + e.getMessage()));
        }
    }

    private ObjectNode run(String id, JsonNode input)
    {
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE).execute("prompt", id, input);
        if (result.succeeded()) {
            return (ObjectNode) result.output().orElseThrow().deepCopy();
        }
        return error(result.status() + ": " + new TaskError(result.error().orElse("States.Runtime"), result.cause().orElse("")).message());
    }

    private static ObjectNode error(String message)
    {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body)
            throws IOException
    {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }
}
