package io.duckstep.lambda.notification;

import io.duckstep.lambda.support.TestingContext;
import io.duckstep.lambda.support.TestingS3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationHandlerTest
{
    private static final String BUCKET = "duckstep-data";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:111122223333:DuckStepNotifications";
    private static final String API_URL = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/";
    /** sha256sum of "<executionArn>\nSUCCEEDED" for the fixtures' execution. */
    private static final String SUCCEEDED_MARKER = "notifications/e8d82b81d4a145105630e92487593bdf6a0387e43b733aa589bab5497b7ce415";

    private TestingS3Server s3;
    private TestingSnsServer sns;
    private NotificationHandler handler;
    /** The manifest the run has, under src/test/resources/manifests/, or null when it wrote none. */
    private String manifest;

    @BeforeEach
    void start()
            throws Exception
    {
        s3 = new TestingS3Server(BUCKET);
        sns = new TestingSnsServer();
        NotificationComposer composer = new NotificationComposer(API_URL, runId -> {
            assertThat(runId).isEqualTo("upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2");
            return Optional.ofNullable(manifest).map(NotificationHandlerTest::resource);
        }, Duration.ofMinutes(5));
        handler = new NotificationHandler(composer, new S3SentNotifications(s3.client(), BUCKET), new SnsNotificationPublisher(sns.client(), TOPIC_ARN));
    }

    @AfterEach
    void stop()
            throws Exception
    {
        sns.close();
        s3.close();
    }

    @Test
    void handleRequest_succeeded_publishesOneMessageWithTheStableLinkAndTheHeadlines()
            throws Exception
    {
        invoke("execution-succeeded.json");

        assertThat(sns.published()).singleElement().satisfies(published -> {
            assertThat(published.topicArn()).isEqualTo(TOPIC_ARN);
            assertThat(published.subject()).isEqualTo("DuckStep run SUCCEEDED: online_retail_2009-12.csv");
            assertThat(published.message())
                    .contains("Input: s3://duckstep-data/uploads/online_retail_2009-12.csv")
                    .contains("Outcome: SUCCEEDED")
                    .contains("Duration: 41 s")
                    .contains("Rows in the upload: 20961")
                    .contains("Report: https://abc123.execute-api.eu-west-1.amazonaws.com/prod/runs/upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2/report\n")
                    .contains("This link does not expire.")
                    .contains("a direct link to the report valid for 5 minutes")
                    .contains("Stored at: s3://duckstep-data/runs/upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2/report.html")
                    .contains("- Largest rise in average quantity per order line: ROSES ON BLUE TEACUP CANDLE (72045D)")
                    .doesNotContain("X-Amz-");
        });
    }

    @Test
    void handleRequest_sameEventDeliveredTwice_publishesOneMessage()
            throws Exception
    {
        invoke("execution-succeeded.json");
        invoke("execution-succeeded.json");

        assertThat(sns.published()).hasSize(1);
        assertThat(s3.client().listObjectsV2(request -> request.bucket(BUCKET).prefix("notifications/")).contents())
                .extracting(S3Object::key)
                .containsExactly(SUCCEEDED_MARKER);
    }

    @Test
    void handleRequest_sameExecutionEndingAgainWithAnotherStatus_publishesBoth()
            throws Exception
    {
        // a redriven execution: FAILED first, SUCCEEDED after the redrive
        invoke("execution-failed.json");
        invoke("execution-succeeded.json");
        invoke("execution-failed.json");

        assertThat(sns.published()).extracting(TestingSnsServer.Published::subject)
                .containsExactly("DuckStep run FAILED: online_retail_2009-12.csv", "DuckStep run SUCCEEDED: online_retail_2009-12.csv");
    }

    @Test
    void handleRequest_publishFails_failsTheInvocationAndTheRedeliveryPublishes()
            throws Exception
    {
        sns.failNextPublish();

        assertThatThrownBy(() -> invoke("execution-succeeded.json")).isInstanceOf(SnsException.class);
        assertThat(sns.published()).isEmpty();
        assertThat(s3.client().listObjectsV2(request -> request.bucket(BUCKET).prefix("notifications/")).contents()).isEmpty();

        invoke("execution-succeeded.json");
        assertThat(sns.published()).hasSize(1);
    }

    @Test
    void handleRequest_failed_publishesTheErrorAndTheReadableCause()
            throws Exception
    {
        invoke("execution-failed.json");

        assertThat(sns.published()).singleElement().satisfies(published -> {
            assertThat(published.subject()).isEqualTo("DuckStep run FAILED: online_retail_2009-12.csv");
            assertThat(published.message())
                    .contains("Outcome: FAILED")
                    .contains("Error: io.duckstep.core.error.InvalidInputException")
                    .contains("Cause: s3://duckstep-data/uploads/online_retail_2009-12.csv, line 3, column 'Quantity': not an integer quantity: 'two'")
                    .contains("quarantine/")
                    .doesNotContain("Report:");
        });
    }

    @Test
    void handleRequest_timedOutAndAborted_eachPublishOneMessage()
            throws Exception
    {
        invoke("execution-timed-out.json");
        invoke("execution-aborted.json");

        assertThat(sns.published()).extracting(TestingSnsServer.Published::subject)
                .containsExactly("DuckStep run TIMED_OUT: online_retail_2009-12.csv", "DuckStep run ABORTED: online_retail_2009-12.csv");
        assertThat(sns.published().get(0).message()).contains("Error: States.Timeout").contains("Cause: The execution timed out.");
        assertThat(sns.published().get(1).message()).contains("Error: (none given)");
    }

    private void invoke(String event)
            throws Exception
    {
        manifest = switch (event) {
            case "execution-succeeded.json" -> "succeeded.json";
            case "execution-failed.json" -> "failed.json";
            default -> null;
        };
        try (InputStream input = NotificationHandlerTest.class.getResourceAsStream("/events/" + event)) {
            handler.handleRequest(input, new ByteArrayOutputStream(), new TestingContext());
        }
    }

    @Test
    void handleRequest_succeededWithoutManifest_linksNothingAndSaysSo()
            throws Exception
    {
        // the execution's output names a report, but only a manifest makes a run's files results
        manifest = null;
        try (InputStream input = NotificationHandlerTest.class.getResourceAsStream("/events/execution-succeeded.json")) {
            handler.handleRequest(input, new ByteArrayOutputStream(), new TestingContext());
        }

        assertThat(sns.published()).singleElement().satisfies(published -> assertThat(published.message())
                .contains("The run wrote no manifest: none of its files count as results.")
                .doesNotContain("report.html")
                .doesNotContain("Headlines"));
    }

    @Test
    void handleRequest_failedWithQuarantine_saysWhereTheUploadWasKept()
            throws Exception
    {
        invoke("execution-failed.json");

        assertThat(sns.published()).singleElement().satisfies(published -> assertThat(published.message())
                .contains("kept, with the reason, as s3://duckstep-data/runs/upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2/quarantine/online_retail_2009-12.csv")
                .contains("its manifest says FAILED"));
    }

    private static String resource(String manifest)
    {
        try (InputStream input = NotificationHandlerTest.class.getResourceAsStream("/manifests/" + manifest)) {
            return new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
