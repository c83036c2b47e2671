package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.core.testing.TestingSecretStore;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.TestingOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptServerTest
{
    @TempDir
    Path directory;

    private TestingOpenAiServer model;
    private PromptServer server;
    private LocalTasks tasks;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start()
            throws Exception
    {
        Path warehouse = directory.resolve("warehouse.duckdb");
        DuckDbSettings settings = new DuckDbSettings("1GB", 2, directory.resolve("work"));
        new WarehouseLoader(new DuckDb(settings), new TransactionsReader()).load(List.of(TestingProject.sampleCsv()), warehouse, false);
        Path uploads = Files.createDirectories(directory.resolve("uploads"));
        Files.copy(TestingProject.sampleCsv(), uploads.resolve("sample.csv.gz"));
        model = new TestingOpenAiServer();
        tasks = new LocalTasks(new LocalConfiguration(directory.resolve("runs"), uploads, new WarehouseSpecification.DuckDbFile(warehouse.toString()), settings),
                new TestingSecretStore(Map.of()), () -> new ModelTask(model.assistant()));
        server = new PromptServer(tasks, 0, Duration.ofMillis(300));
    }

    @AfterEach
    void stop()
    {
        server.close();
        model.close();
    }

    @Test
    void post_notJson_is400WithAClearMessage()
            throws Exception
    {
        HttpResponse<String> response = post("this is not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("The body is not JSON: send {\"prompt\": \"your question\"}");
    }

    @Test
    void post_noPrompt_is400()
            throws Exception
    {
        HttpResponse<String> response = post("{\"question\": \"wrong field\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("\"prompt\" is required and must be a non-empty string");
    }

    @Test
    void post_promptOverTheLimit_is400()
            throws Exception
    {
        HttpResponse<String> response = post("{\"prompt\": \"" + "x".repeat(2001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("\"prompt\" is longer than 2000 characters");
        assertThat(model.requests()).isEmpty();
    }

    @Test
    void post_question_is200WithAnswerQueryAndAttempts()
            throws Exception
    {
        model.reply(200, "answer.json");

        HttpResponse<String> response = postAndFollow("{\"prompt\": \"How many customers are there?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("answer").asText()).isEqualTo("The history has 1,179 customers and the recent upload 633.");
        assertThat(body.path("query").asText()).isEqualTo("No query.");
        assertThat(body.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void post_slowQuestion_is202ThenTheAnswerByIdAndItRanOnce()
            throws Exception
    {
        model.replyAfter(200, "answer.json", 1_500);

        HttpResponse<String> first = post("{\"prompt\": \"slow one\"}");

        assertThat(first.statusCode()).isEqualTo(202);
        String id = json(first).path("id").asText();
        assertThat(json(first).path("poll").asText()).isEqualTo("/prompt/" + id);
        HttpResponse<String> answer = follow(id);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("id").asText()).isEqualTo(id);
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void post_moreQuestionsThanTheCap_is503WithRetryAfterAndTheRunningOneIsStillAnswered()
            throws Exception
    {
        server.close();
        server = new PromptServer(tasks, 0, Duration.ofMillis(300), 1);
        model.replyAfter(200, "answer.json", 1_500);

        HttpResponse<String> first = post("{\"prompt\": \"slow one\"}");
        HttpResponse<String> second = post("{\"prompt\": \"one too many\"}");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(second).path("error").asText()).isEqualTo("Busy: 1 questions are being answered; try again in 5 s");
        assertThat(follow(json(first).path("id").asText()).statusCode()).isEqualTo(200);
        // the question that was turned away never reached the model
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void get_unknownId_is404()
            throws Exception
    {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/prompt/nope")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> postAndFollow(String body)
            throws Exception
    {
        HttpResponse<String> response = post(body);
        return response.statusCode() == 202 ? follow(json(response).path("id").asText()) : response;
    }

    /** Polls; each GET itself waits up to the server's wait for the answer. */
    private HttpResponse<String> follow(String id)
            throws Exception
    {
        for (int poll = 0; poll < 200; poll++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/prompt/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return response;
            }
        }
        throw new AssertionError("no answer for " + id);
    }

    @Test
    void getReport_runWithAReport_servesTheFileAsHtml()
            throws Exception
    {
        Path report = Files.createDirectories(directory.resolve("runs/upload-sample-20261201T2101")).resolve("report.html");
        Files.writeString(report, "<!doctype html><title>Summary</title>");

        HttpResponse<String> response = get("/runs/upload-sample-20261201T2101/report");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).isEqualTo("<!doctype html><title>Summary</title>");
    }

    @Test
    void getReport_runWithoutAReport_is404WithJson()
            throws Exception
    {
        Files.createDirectories(directory.resolve("runs/upload-failed-20261201T2101"));

        HttpResponse<String> response = get("/runs/upload-failed-20261201T2101/report");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).path("error").asText()).isEqualTo("No report for run upload-failed-20261201T2101");
    }

    @Test
    void getReport_idWithAPathSeparator_is400AndServesNothing()
            throws Exception
    {
        Files.writeString(directory.resolve("secret.html"), "not a report");

        HttpResponse<String> response = get("/runs/..%2F..%2Fsecret.html%2F/report");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith("Run id must be 1 to 80 letters, digits");
        assertThat(response.body()).doesNotContain("not a report");
    }

    private HttpResponse<String> get(String path)
            throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body)
            throws Exception
    {
        return http.send(HttpRequest.newBuilder(uri("/prompt")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
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
