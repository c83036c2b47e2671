package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.core.testing.TestingSecretStore;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.TestingOpenAiServer;
import io.duckstep.testing.TestingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duckstep serve} as an attacker on the same machine, or a web page in the user's browser, would try it:
 * a real HTTP client (and raw HTTP/1.1 over a socket where the client must lie) against the server on 127.0.0.1.
 */
class PromptServerLockDownTest
{
    private static final String SECRET_LINE = "root:x:0:0:root:/root:/bin/bash";

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestingClock clock = new TestingClock();
    private TestingOpenAiServer model;
    private LocalTasks tasks;
    private Path uploads;
    private Path outside;
    private PromptServer server;

    @BeforeEach
    void start()
            throws Exception
    {
        uploads = Files.createDirectories(directory.resolve("uploads"));
        Files.copy(TestingProject.sampleCsv(), uploads.resolve("sample.csv.gz"));
        outside = Files.writeString(directory.resolve("passwd.csv"), SECRET_LINE + "\n");
        model = new TestingOpenAiServer();
        tasks = new LocalTasks(new LocalConfiguration(directory.resolve("runs"), uploads, new WarehouseSpecification.None(),
                new DuckDbSettings("1GB", 2, directory.resolve("work"))),
                new TestingSecretStore(Map.of()), () -> new ModelTask(model.assistant()));
        server = new PromptServer(tasks, 0, Duration.ofSeconds(20), Duration.ofMinutes(1), 2, clock);
    }

    @AfterEach
    void stop()
    {
        server.close();
        model.close();
    }

    @Test
    void post_uploadSymlinkOutOfTheUploadsDirectory_is400WithoutItsContent()
            throws Exception
    {
        Files.createSymbolicLink(uploads.resolve("passwd.csv"), outside);

        HttpResponse<String> response = postJson("{\"prompt\": \"x\", \"upload\": \"" + uploads.resolve("passwd.csv") + "\"}");

        assertRefused(response);
    }

    @Test
    void post_uploadOutsideTheUploadsDirectory_is400WithoutItsContent()
            throws Exception
    {
        for (String upload : new String[] {outside.toString(), uploads + "/../passwd.csv", "../passwd.csv", "/etc/passwd", "file://" + outside, uploads.toString(), "missing.csv"}) {
            HttpResponse<String> response = postJson("{\"prompt\": \"x\", \"upload\": \"" + upload + "\"}");

            assertRefused(response);
            assertThat(response.body()).as(upload).doesNotContain("root:x");
        }
    }

    @Test
    void post_uploadInTheUploadsDirectory_isAnswered()
            throws Exception
    {
        model.reply(200, "answer.json");

        HttpResponse<String> response = postJson("{\"prompt\": \"How many customers are there?\", \"upload\": \"sample.csv.gz\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("answer").asText()).isEqualTo("The history has 1,179 customers and the recent upload 633.");
    }

    @Test
    void post_notApplicationJson_is415()
            throws Exception
    {
        HttpResponse<String> textPlain = http.send(HttpRequest.newBuilder(uri("/prompt")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(uri("/prompt"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(json(textPlain).path("error").asText()).isEqualTo("Send the question as Content-Type: application/json");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void post_jsonWithCharset_isAccepted()
            throws Exception
    {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/prompt")).header("Content-Type", "Application/JSON; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());

        // past the media type check, refused for its content
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void request_foreignHost_is403()
            throws Exception
    {
        for (String host : new String[] {"evil.example", "localhost.evil.example", "127.0.0.1.nip.io:" + server.port(), "localhost:80:80"}) {
            String response = raw("GET /prompt/x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");

            assertThat(response).as(host).startsWith("HTTP/1.1 403").containsIgnoringCase("Content-Type: application/json")
                    .endsWith("{\"error\":\"Only requests for localhost or 127.0.0.1 are served\"}");
        }
        assertThat(raw("GET /prompt/x HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 403");
    }

    @Test
    void request_localHostWithOrWithoutPort_isServed()
            throws Exception
    {
        for (String host : new String[] {"localhost", "127.0.0.1", "localhost:" + server.port(), "127.0.0.1:8080"}) {
            assertThat(raw("GET /prompt/unknown HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).as(host).startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void post_bodyOverTheLimit_is413()
            throws Exception
    {
        String big = "{\"prompt\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        HttpResponse<String> response = postJson(big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).isEqualTo("The body is larger than 65536 bytes");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void post_chunkedBodyOverTheLimitWithoutContentLength_is413()
            throws Exception
    {
        byte[] chunk = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        String response = raw(output -> {
            output.write(("POST /prompt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10; i++) {
                output.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                output.write(chunk);
                output.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            output.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        assertThat(response).startsWith("HTTP/1.1 413").endsWith("{\"error\":\"The body is larger than 65536 bytes\"}");
    }

    @Test
    void post_contentLengthClaimingMoreThanTheLimit_is413()
            throws Exception
    {
        String response = raw(output -> output.write(("POST /prompt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n"
                + "{\"prompt\": \"x\"}").getBytes(StandardCharsets.US_ASCII)));

        assertThat(response).startsWith("HTTP/1.1 413");
    }

    @Test
    void request_unknownRoute_is404Json()
            throws Exception
    {
        for (String path : new String[] {"/", "/admin", "/promptx", "/prompt/a/b"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(json(response).path("error").asText()).as(path).isEqualTo("Use POST /prompt with {\"prompt\": \"...\"}, GET /prompt/<id>, or GET /runs/<id>/report");
        }
    }

    @Test
    void request_wrongMethod_is405JsonWithAllow()
            throws Exception
    {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/prompt")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/prompt")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/prompt/some-id")).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(put).path("error").asText()).isEqualTo("Method PUT is not allowed here; use POST");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(delete).path("error").asText()).isEqualTo("Method DELETE is not allowed here; use GET");
    }

    @Test
    void get_answerAlreadyFetched_is404()
            throws Exception
    {
        model.reply(200, "answer.json");
        HttpResponse<String> answered = postJson("{\"prompt\": \"How many customers are there?\"}");
        assertThat(answered.statusCode()).isEqualTo(200);

        HttpResponse<String> again = get("/prompt/" + json(answered).path("id").asText());

        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(server.keptQuestions()).isZero();
    }

    @Test
    void get_answerNotFetchedWithinItsTimeToLive_is404()
            throws Exception
    {
        model.reply(200, "answer.json");
        try (PromptServer impatient = new PromptServer(tasks, 0, Duration.ZERO, Duration.ofMinutes(1), 2, clock)) {
            HttpResponse<String> accepted = post(impatient, "{\"prompt\": \"How many customers are there?\"}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            String id = json(accepted).path("id").asText();
            impatient.answer(id).join();

            clock.advance(Duration.ofSeconds(61));

            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + impatient.port() + "/prompt/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(impatient.keptQuestions()).isZero();
        }
    }

    @Test
    void post_keptQuestionsAtTheBound_is503WithRetryAfter()
            throws Exception
    {
        try (PromptServer small = new PromptServer(tasks, 0, Duration.ZERO, Duration.ofMinutes(1), 1, clock)) {
            HttpResponse<String> first = post(small, "{\"prompt\": \"first\"}");
            assertThat(first.statusCode()).isEqualTo(202);

            HttpResponse<String> second = post(small, "{\"prompt\": \"second\"}");

            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(json(second).path("error").asText()).isEqualTo("Too many questions are waiting for their answers to be fetched; try again later");
            assertThat(small.keptQuestions()).isEqualTo(1);
            small.answer(json(first).path("id").asText()).join();
        }
    }

    private void assertRefused(HttpResponse<String> response)
            throws Exception
    {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("\"upload\" must name a file under the uploads directory " + uploads.toAbsolutePath().normalize());
        assertThat(response.body()).doesNotContain("root:x").doesNotContain(SECRET_LINE);
        assertThat(model.requests()).isEmpty();
    }

    private HttpResponse<String> postJson(String body)
            throws Exception
    {
        return post(server, body);
    }

    private HttpResponse<String> post(PromptServer target, String body)
            throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/prompt")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path)
            throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface RequestWriter
    {
        void write(OutputStream output)
                throws IOException;
    }

    private String raw(String request)
            throws Exception
    {
        return raw(output -> output.write(request.getBytes(StandardCharsets.US_ASCII)));
    }

    /** HTTP/1.1 over a socket, for what HttpClient will not send: a foreign Host, a false Content-Length. The request is written while the answer is read. */
    private String raw(RequestWriter request)
            throws Exception
    {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream output = socket.getOutputStream();
                    request.write(output);
                    output.flush();
                }
                catch (IOException ignored) {
                    // the server may close once it has answered
                }
            });
            InputStream input = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            String text = "";
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                response.write(buffer, 0, read);
                text = response.toString(StandardCharsets.UTF_8);
                if (complete(text)) {
                    break;
                }
            }
            socket.shutdownOutput();
            writing.exceptionally(ignored -> null).join();
            return text;
        }
    }

    /** Whether the response's body is all there, by its Content-Length. */
    private static boolean complete(String response)
    {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : response.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return response.length() - end - 4 >= Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return false;
    }

    private URI uri(String path)
    {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response)
            throws Exception
    {
        return new ObjectMapper().readTree(response.body());
    }
}
