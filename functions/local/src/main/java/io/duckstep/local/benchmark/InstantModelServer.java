package io.duckstep.local.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An OpenAI-compatible chat completions endpoint on 127.0.0.1 that answers at once, for measuring what {@code ask}
 * costs beyond the model: a request without a tool result gets a documented tool-call completion (the model's
 * query), a request carrying the tool result gets the documented final answer. The two replies are the llm
 * module's test fixtures ({@code completions/tool-call.json}, {@code completions/answer.json}).
 */
public final class InstantModelServer
        implements AutoCloseable
{
    static final String TOOL_CALL = "/benchmark/completions/tool-call.json";
    static final String ANSWER = "/benchmark/completions/answer.json";

    private final HttpServer server;
    private final byte[] toolCall;
    private final byte[] answer;

    public InstantModelServer()
    {
        this.toolCall = resource(TOOL_CALL);
        this.answer = resource(ANSWER);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = request.contains("\"role\":\"tool\"") ? answer : toolCall;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        }
    }

    static byte[] resource(String name)
    {
        try (InputStream input = InstantModelServer.class.getResourceAsStream(name)) {
            if (input == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return input.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
