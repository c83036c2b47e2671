package io.duckstep.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.lambda.support.TestingContext;
import io.duckstep.lambda.support.TestingS3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReportLinkHandlerTest
{
    private static final String BUCKET = "duckstep-data";
    private static final String RUN_ID = "upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestingS3Server server;
    private static ReportLinkHandler handler;

    @BeforeAll
    static void start()
            throws Exception
    {
        server = new TestingS3Server(BUCKET);
        handler = new ReportLinkHandler(new ReportLinkApi(new S3RunReports(server.client(), server.presigner(), BUCKET, Duration.ofMinutes(5))));
    }

    @AfterAll
    static void stop()
            throws Exception
    {
        server.close();
    }

    @Test
    void handleRequest_runWithAReport_redirectsToAShortLivedLinkThatServesIt()
            throws Exception
    {
        server.client().putObject(request -> request.bucket(BUCKET).key("runs/" + RUN_ID + "/report.html").contentType("text/html"),
                RequestBody.fromString("<!doctype html><title>Summary</title>"));

        JsonNode response = invoke("get-run-report.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(302);
        String location = response.path("headers").path("Location").asText();
        assertThat(location).contains("/" + BUCKET + "/runs/" + RUN_ID + "/report.html?").contains("X-Amz-Expires=300");
        assertThat(response.path("headers").path("Cache-Control").asText()).isEqualTo("no-store");
        HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).isEqualTo("<!doctype html><title>Summary</title>");
    }

    @Test
    void handleRequest_linkWithATamperedKey_isRefusedByS3()
            throws Exception
    {
        server.client().putObject(request -> request.bucket(BUCKET).key("runs/" + RUN_ID + "/report.html"), RequestBody.fromString("report"));
        server.client().putObject(request -> request.bucket(BUCKET).key("runs/" + RUN_ID + "/secret.html"), RequestBody.fromString("not for this link"));

        String location = invoke("get-run-report.json").path("headers").path("Location").asText();
        HttpResponse<String> tampered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location.replace("/report.html?", "/secret.html?"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).doesNotContain("not for this link");
    }

    @Test
    void handleRequest_runWithoutAReport_is404WithJson()
            throws Exception
    {
        server.client().deleteObject(request -> request.bucket(BUCKET).key("runs/" + RUN_ID + "/report.html"));

        JsonNode response = invoke("get-run-report.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText())
                .isEqualTo("No report for run " + RUN_ID + ": the run is unknown, still running, or failed");
    }

    @Test
    void handleRequest_idThatIsNotARunId_is400AndLooksNothingUp()
            throws Exception
    {
        RunReports nothingToLookUp = runId -> {
            throw new AssertionError("looked up " + runId);
        };

        JsonNode response = invoke(new ReportLinkHandler(new ReportLinkApi(nothingToLookUp)), "get-run-report-bad-id.json");

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.path("body").asText()).path("error").asText())
                .isEqualTo("Not a run id (1 to 80 letters, digits, '.', '_' or '-'): ..%2Fuploads%2Fonline_retail_2009-12.csv");
    }

    private static JsonNode invoke(String event)
            throws Exception
    {
        return invoke(handler, event);
    }

    private static JsonNode invoke(ReportLinkHandler handler, String event)
            throws Exception
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream input = ReportLinkHandlerTest.class.getResourceAsStream("/events/" + event)) {
            handler.handleRequest(input, output, new TestingContext());
        }
        return JSON.readTree(output.toByteArray());
    }
}
