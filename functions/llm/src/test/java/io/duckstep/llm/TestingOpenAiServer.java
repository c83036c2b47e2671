package io.duckstep.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible endpoint on 127.0.0.1 that replays scripted responses (the documented chat.completion
 * JSON, or an error status) in order, and records every request body it receives.
 */
public final class TestingOpenAiServer
        implements AutoCloseable
{
    public record Scripted(int status, String body, long delayMilliseconds) {}

    private final HttpServer server;
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public TestingOpenAiServer()
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Settings that point at this server: gpt-4o-mini, a 10-second timeout, no retries. */
    public ModelSettings settings()
    {
        return new ModelSettings("gpt-4o-mini", baseUrl(), Duration.ofSeconds(10), 0);
    }

    /** An assistant whose client talks to this server ({@link #settings()}, a test key). */
    public SqlAssistant assistant()
    {
        return new SqlAssistant(SqlAssistant.client(settings(), "sk-test"), settings());
    }

    public TestingOpenAiServer reply(int status, String resource)
    {
        return replyAfter(status, resource, 0);
    }

    public TestingOpenAiServer replyAfter(int status, String resource, long delayMilliseconds)
    {
        script.add(new Scripted(status, resource(resource), delayMilliseconds));
        return this;
    }

    public List<String> requests()
    {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Scripted next = script.poll();
            if (next == null) {
                next = new Scripted(500, "{\"error\":{\"message\":\"script exhausted\",\"type\":\"server_error\"}}", 0);
            }
            if (next.delayMilliseconds() > 0) {
                // waits without sleeping: the latch is only released when the server closes
                released.await(next.delayMilliseconds(), TimeUnit.MILLISECONDS);
            }
            byte[] body = next.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // tells the SDK to retry at once, so retry tests stay fast
            exchange.getResponseHeaders().add("retry-after-ms", "10");
            exchange.sendResponseHeaders(next.status(), body.length);
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (IOException ignored) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    private static String resource(String name)
    {
        try (InputStream stream = TestingOpenAiServer.class.getResourceAsStream("/completions/" + name)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close()
    {
        released.countDown();
        server.stop(0);
    }
}
