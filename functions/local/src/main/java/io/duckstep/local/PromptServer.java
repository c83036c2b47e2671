package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.contract.PromptResponse;
import io.duckstep.core.task.TaskError;
import io.duckstep.lambda.support.InvalidPromptRequestException;
import io.duckstep.lambda.support.PromptRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * {@code POST /prompt} on 127.0.0.1, with the contract of the AWS endpoint ({@link PromptResponse}): 200 with
 * {@code {answer, query, attempts}}; 400 with {@code {"error": ...}} for a bad request; 202 with {@code {"id", "status": "RUNNING"}}
 * when the answer takes longer than the wait, then {@code GET /prompt/<id>} until it is there; 502 when the workflow
 * failed. Each question runs once.
 * <p>
 * Locked down against other local processes and web pages: the Host must be {@code localhost} or {@code 127.0.0.1}
 * (403 otherwise, against DNS rebinding); a question must be {@code application/json} (415; a page cannot send that
 * cross-origin without a preflight); a body over {@value #MAXIMUM_BODY_BYTES} bytes gets 413 whatever its declared
 * length; {@code upload} must be a file under the configured uploads directory, symbolic links and {@code ..}
 * resolved (400, naming nothing of the file). Every answer is JSON, unknown routes included (404, and 405 with
 * {@code Allow}). An answer is kept until fetched, or for a time to live, in a bounded map. At most
 * {@value #MAX_RUNNING_QUESTIONS} questions run at once; more get 503 with {@code Retry-After}.
 * <p>
 * {@code GET /runs/<id>/report} serves a run's report (the AWS endpoint redirects to a short-lived link to it), or 404
 * with {@code {"error": ...}}.
 */
public final class PromptServer
        implements AutoCloseable
{
    public static final int MAXIMUM_BODY_BYTES = 64 * 1024;
    private static final long DISCARDED_BODY_BYTES = 64L * 1024 * 1024;
    public static final Duration ANSWER_TIME_TO_LIVE = Duration.ofMinutes(15);
    public static final int MAXIMUM_KEPT_QUESTIONS = 256;

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Questions answered at once; more get 503 with {@code Retry-After}. Each runs its queries in a worker process of
     * up to the sandbox's memory limit plus margin ({@link io.duckstep.core.prompt.SandboxLimits}), so this bounds memory too.
     */
    public static final int MAX_RUNNING_QUESTIONS = 4;
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Pattern LOCAL_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_PATH = Pattern.compile("/prompt/([A-Za-z0-9_.-]{1,80})");
    private static final Pattern REPORT_PATH = Pattern.compile("/runs/([^/]+)/report");

    private final HttpServer server;
    private final LocalTasks tasks;
    private final Duration wait;
    private final Duration answerTimeToLive;
    private final int maximumKeptQuestions;
    private final Clock clock;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "duckstep-prompt");
        thread.setDaemon(true);
        return thread;
    });
    /** Questions by id, oldest first; guarded by itself. */
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final int maxRunningQuestions;
    private final Semaphore running;

    private static final class Question
    {
        private final CompletableFuture<PromptResponse> answer;
        private volatile Instant answeredAt;

        Question(CompletableFuture<PromptResponse> answer)
        {
            this.answer = answer;
        }
    }

    /** A server for the uploads directory of {@code tasks}' configuration, keeping answers {@link #ANSWER_TIME_TO_LIVE}. */
    public PromptServer(LocalTasks tasks, int port, Duration wait)
            throws IOException
    {
        this(tasks, port, wait, MAX_RUNNING_QUESTIONS, ANSWER_TIME_TO_LIVE, MAXIMUM_KEPT_QUESTIONS, Clock.systemUTC());
    }

    PromptServer(LocalTasks tasks, int port, Duration wait, int maxRunningQuestions)
            throws IOException
    {
        this(tasks, port, wait, maxRunningQuestions, ANSWER_TIME_TO_LIVE, MAXIMUM_KEPT_QUESTIONS, Clock.systemUTC());
    }

    PromptServer(LocalTasks tasks, int port, Duration wait, Duration answerTimeToLive, int maximumKeptQuestions, Clock clock)
            throws IOException
    {
        this(tasks, port, wait, MAX_RUNNING_QUESTIONS, answerTimeToLive, maximumKeptQuestions, clock);
    }

    private PromptServer(LocalTasks tasks, int port, Duration wait, int maxRunningQuestions, Duration answerTimeToLive, int maximumKeptQuestions, Clock clock)
            throws IOException
    {
        this.maxRunningQuestions = maxRunningQuestions;
        this.running = new Semaphore(maxRunningQuestions);
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.wait = requireNonNull(wait, "wait is null");
        this.answerTimeToLive = requireNonNull(answerTimeToLive, "answerTimeToLive is null");
        this.maximumKeptQuestions = maximumKeptQuestions;
        this.clock = requireNonNull(clock, "clock is null");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
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
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !LOCAL_HOST.matcher(host.strip()).matches()) {
                respond(exchange, PromptResponse.error(403, "Only requests for localhost or 127.0.0.1 are served"));
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/prompt")) {
                if (method.equals("POST")) {
                    ask(exchange);
                }
                else {
                    notAllowed(exchange, "POST");
                }
            }
            else if (QUESTION_PATH.matcher(path).matches()) {
                if (method.equals("GET")) {
                    poll(exchange, path.substring("/prompt/".length()));
                }
                else {
                    notAllowed(exchange, "GET");
                }
            }
            else if (REPORT_PATH.matcher(path).matches()) {
                if (method.equals("GET")) {
                    report(exchange);
                }
                else {
                    notAllowed(exchange, "GET");
                }
            }
            else {
                respond(exchange, PromptResponse.error(404, "Use POST /prompt with {\"prompt\": \"...\"}, GET /prompt/<id>, or GET /runs/<id>/report"));
            }
        }
    }

    private void report(HttpExchange exchange)
            throws IOException
    {
        String rawPath = exchange.getRequestURI().getRawPath();
        String id = java.net.URLDecoder.decode(rawPath.substring("/runs/".length(), rawPath.length() - "/report".length()), StandardCharsets.UTF_8);
        Path report;
        try {
            if (id.equals(".") || id.equals("..")) {
                throw new IllegalArgumentException("Not a run id: '" + id + "'");
            }
            report = Path.of(tasks.layout().report(id));
        }
        catch (IllegalArgumentException e) {
            respond(exchange, PromptResponse.error(400, e.getMessage()));
            return;
        }
        if (!Files.isRegularFile(report)) {
            respond(exchange, PromptResponse.error(404, "No report for run " + id));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, Files.size(report));
        try (OutputStream output = exchange.getResponseBody()) {
            Files.copy(report, output);
        }
    }

    private void ask(HttpExchange exchange)
            throws IOException
    {
        if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            respond(exchange, PromptResponse.error(415, "Send the question as Content-Type: application/json"));
            return;
        }
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            tooLarge(exchange);
            return;
        }
        PromptRequest request;
        Optional<String> upload;
        try {
            request = PromptRequest.parse(new String(body.get(), StandardCharsets.UTF_8));
            upload = request.upload().map(this::uploadUnderUploadsDirectory);
        }
        catch (InvalidPromptRequestException e) {
            respond(exchange, PromptResponse.error(400, e.getMessage()));
            return;
        }
        String id = LocalWorkflows.newExecutionName("prompt");
        ObjectNode input = request.workflowInput(upload);
        if (!running.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            respond(exchange, PromptResponse.error(503, "Busy: " + maxRunningQuestions + " questions are being answered; try again in " + RETRY_AFTER_SECONDS + " s"));
            return;
        }
        Question question;
        synchronized (questions) {
            evictExpired();
            if (questions.size() >= maximumKeptQuestions) {
                running.release();
                exchange.getResponseHeaders().set("Retry-After", "30");
                respond(exchange, PromptResponse.error(503, "Too many questions are waiting for their answers to be fetched; try again later"));
                return;
            }
            question = new Question(new CompletableFuture<>());
            questions.put(id, question);
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return run(id, input);
            }
            finally {
                running.release();
            }
        }, executor).whenComplete((answer, failure) -> {
            question.answeredAt = clock.instant();
            if (failure != null) {
                question.answer.completeExceptionally(failure);
            }
            else {
                question.answer.complete(answer);
            }
        });
        respondWhenDone(exchange, id, question);
    }

    /** The body, or empty when it is over the limit: at most limit + 1 bytes are read, whatever Content-Length says. */
    private static Optional<byte[]> body(HttpExchange exchange)
            throws IOException
    {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAXIMUM_BODY_BYTES) {
                    return Optional.empty();
                }
            }
            catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        // not closed here: an answer to an oversized body is sent before the rest is read
        byte[] bytes = exchange.getRequestBody().readNBytes(MAXIMUM_BODY_BYTES + 1);
        return bytes.length > MAXIMUM_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    /**
     * 413, then the connection is closed. The answer is sent before the rest of the body is read and thrown away (up to
     * {@value #DISCARDED_BODY_BYTES} bytes, never kept), so a client still sending sees the 413 rather than a reset.
     */
    private static void tooLarge(HttpExchange exchange)
            throws IOException
    {
        byte[] bytes = JSON.writeValueAsBytes(PromptResponse.error(413, "The body is larger than " + MAXIMUM_BODY_BYTES + " bytes").body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(413, bytes.length);
        OutputStream output = exchange.getResponseBody();
        output.write(bytes);
        output.flush();
        try (InputStream input = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long discarded = 0;
            for (int read = input.read(buffer); read >= 0 && discarded < DISCARDED_BODY_BYTES; read = input.read(buffer)) {
                discarded += read;
            }
        }
        catch (IOException ignored) {
            // the client stopped sending: it has its answer
        }
        output.close();
    }

    private static boolean isJson(String contentType)
    {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    /**
     * The upload's real path, when it is a regular file under the uploads directory once symbolic links and {@code ..}
     * are resolved; a relative location is taken inside the uploads directory. The refusal names nothing of the file.
     */
    private String uploadUnderUploadsDirectory(String location)
    {
        Path uploads = tasks.configuration().uploads();
        String refusal = "\"upload\" must name a file under the uploads directory " + uploads.toAbsolutePath().normalize();
        if (location.contains("://") || location.startsWith("file:") || location.indexOf('\0') >= 0) {
            throw new InvalidPromptRequestException(refusal);
        }
        try {
            Path directory = uploads.toRealPath();
            Path file = directory.resolve(location).toRealPath();
            if (!file.startsWith(directory) || file.equals(directory) || !Files.isRegularFile(file)) {
                throw new InvalidPromptRequestException(refusal);
            }
            return file.toString();
        }
        catch (IOException | InvalidPathException | SecurityException e) {
            throw new InvalidPromptRequestException(refusal);
        }
    }

    private void poll(HttpExchange exchange, String id)
            throws IOException
    {
        Question question;
        synchronized (questions) {
            evictExpired();
            question = questions.get(id);
        }
        if (question == null) {
            respond(exchange, PromptResponse.error(404, "No question with id " + id + " (an answer is kept until it is fetched, or for " + answerTimeToLive.toMinutes() + " minutes)"));
            return;
        }
        respondWhenDone(exchange, id, question);
    }

    private void respondWhenDone(HttpExchange exchange, String id, Question question)
            throws IOException
    {
        PromptResponse response;
        try {
            response = question.answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            respond(exchange, PromptResponse.running(id));
            return;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, PromptResponse.error(503, "The server is stopping"));
            return;
        }
        catch (Exception e) {
            response = PromptResponse.error(500, "The question failed: " + e.getMessage());
        }
        // fetched: the answer is handed out once
        synchronized (questions) {
            questions.remove(id, question);
        }
        respond(exchange, response);
    }

    /** Drops answers nobody fetched within their time to live; questions still running stay. Holds the lock on questions. */
    private void evictExpired()
    {
        Instant oldest = clock.instant().minus(answerTimeToLive);
        for (Iterator<Question> iterator = questions.values().iterator(); iterator.hasNext(); ) {
            Instant answeredAt = iterator.next().answeredAt;
            if (answeredAt != null && answeredAt.isBefore(oldest)) {
                iterator.remove();
            }
        }
    }

    /** The answer to a kept question, for tests to wait on without fetching it. */
    CompletableFuture<PromptResponse> answer(String id)
    {
        synchronized (questions) {
            return questions.get(id).answer;
        }
    }

    /** How many questions are kept: running, or answered and not yet fetched. */
    int keptQuestions()
    {
        synchronized (questions) {
            return questions.size();
        }
    }

    private PromptResponse run(String id, JsonNode input)
    {
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE).execute("prompt", id, input);
        if (result.succeeded()) {
            return PromptResponse.answered(id, result.output().orElseThrow());
        }
        return PromptResponse.failed(id, String.valueOf(result.status()), new TaskError(result.error().orElse("States.Runtime"), result.cause().orElse("")).message());
    }

    private static void notAllowed(HttpExchange exchange, String allowed)
            throws IOException
    {
        exchange.getResponseHeaders().set("Allow", allowed);
        respond(exchange, PromptResponse.error(405, "Method " + exchange.getRequestMethod() + " is not allowed here; use " + allowed));
    }

    private static void respond(HttpExchange exchange, PromptResponse response)
            throws IOException
    {
        int status = response.statusCode();
        byte[] bytes = JSON.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
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
