package io.duckstep.lambda.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SNS has no emulator here: a hand-written server on 127.0.0.1 speaking SNS's Query protocol (form-encoded
 * {@code Action=Publish} in, the XML {@code PublishResponse} or {@code ErrorResponse} out), which keeps what was
 * published. {@link #client()} is an SDK client configured as the function's is (retries off), pointed at it.
 */
final class TestingSnsServer
        implements AutoCloseable
{
    record Published(String topicArn, String subject, String message) {}

    private final HttpServer server;
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();

    TestingSnsServer()
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    List<Published> published()
    {
        return List.copyOf(published);
    }

    /** The next publish is answered with SNS's 500 InternalError. */
    void failNextPublish()
    {
        failuresToAnswer.incrementAndGet();
    }

    SnsClient client()
    {
        return SnsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "test-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String requestId = UUID.randomUUID().toString();
            if (!"POST".equals(exchange.getRequestMethod()) || !"Publish".equals(form.get("Action")) || !"2010-03-31".equals(form.get("Version"))) {
                respond(exchange, 400, error("Sender", "InvalidAction", "Unsupported: " + form.get("Action"), requestId));
                return;
            }
            if (form.get("TopicArn") == null || form.get("Message") == null) {
                respond(exchange, 400, error("Sender", "InvalidParameter", "TopicArn and Message are required", requestId));
                return;
            }
            if (failuresToAnswer.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
                respond(exchange, 500, error("Receiver", "InternalError", "Internal Error", requestId));
                return;
            }
            published.add(new Published(form.get("TopicArn"), form.get("Subject"), form.get("Message")));
            respond(exchange, 200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                    + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + requestId
                    + "</RequestId></ResponseMetadata></PublishResponse>");
        }
    }

    private static String error(String type, String code, String message, String requestId)
    {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type + "</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    }

    private static Map<String, String> form(String body)
    {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String xml)
            throws IOException
    {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
