package io.duckstep.lambda.notification;

import io.duckstep.lambda.support.TestingContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationHandlerTest
{
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void handleRequest_succeeded_publishesOneMessageWithALinkAndTheHeadlines()
            throws Exception
    {
        FakeTopic topic = new FakeTopic();

        invoke(handler(topic, "succeeded.json"), "execution-succeeded.json");

        assertThat(topic.published).singleElement().satisfies(notification -> {
            assertThat(notification.subject()).isEqualTo("DuckStep run SUCCEEDED: online_retail_2009-12.csv");
            assertThat(notification.message())
                    .contains("Input: s3://duckstep-data/uploads/online_retail_2009-12.csv")
                    .contains("Outcome: SUCCEEDED")
                    .contains("Duration: 41 s")
                    .contains("Rows in the upload: 20961")
                    .contains("https://duckstep-data.s3.eu-west-1.amazonaws.com/runs/upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2/report.html?")
                    .contains("X-Amz-Expires=86400")
                    .contains("- Largest rise in average quantity per order line: ROSES ON BLUE TEACUP CANDLE (72045D)")
                    .doesNotContain(SECRET_KEY);
        });
    }

    @Test
    void handleRequest_succeededWithoutManifest_linksNothingAndSaysSo()
            throws Exception
    {
        FakeTopic topic = new FakeTopic();

        // the execution's output names a report, but only a manifest makes a run's files results
        invoke(handler(topic, null), "execution-succeeded.json");

        assertThat(topic.published).singleElement().satisfies(notification -> assertThat(notification.message())
                .contains("The run wrote no manifest: none of its files count as results.")
                .doesNotContain("report.html")
                .doesNotContain("Headlines"));
    }

    @Test
    void handleRequest_failed_publishesTheErrorAndTheReadableCause()
            throws Exception
    {
        FakeTopic topic = new FakeTopic();

        invoke(handler(topic, "failed.json"), "execution-failed.json");

        assertThat(topic.published).singleElement().satisfies(notification -> {
            assertThat(notification.subject()).isEqualTo("DuckStep run FAILED: online_retail_2009-12.csv");
            assertThat(notification.message())
                    .contains("Outcome: FAILED")
                    .contains("Error: io.duckstep.core.error.InvalidInputException")
                    .contains("Cause: s3://duckstep-data/uploads/online_retail_2009-12.csv, line 3, column 'Quantity': not an integer quantity: 'two'")
                    .contains("kept, with the reason, as s3://duckstep-data/runs/upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2/quarantine/online_retail_2009-12.csv")
                    .contains("its manifest says FAILED");
        });
    }

    @Test
    void handleRequest_timedOutAndAborted_eachPublishOneMessage()
            throws Exception
    {
        FakeTopic topic = new FakeTopic();

        invoke(handler(topic, null), "execution-timed-out.json");
        invoke(handler(topic, null), "execution-aborted.json");

        assertThat(topic.published).extracting(Notification::subject)
                .containsExactly("DuckStep run TIMED_OUT: online_retail_2009-12.csv", "DuckStep run ABORTED: online_retail_2009-12.csv");
        assertThat(topic.published.get(0).message()).contains("Error: States.Timeout").contains("Cause: The execution timed out.");
        assertThat(topic.published.get(1).message()).contains("Error: (none given)");
    }

    /**
     * @param manifest the run's manifest under src/test/resources/manifests/, or null when the run wrote none
     */
    private static NotificationHandler handler(FakeTopic topic, String manifest)
    {
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET_KEY)))
                .build();
        RunManifests manifests = runId -> {
            assertThat(runId).isEqualTo("upload-online_retail_2009-12-5b1e0a3c9d7f21e4a6b8c0d2");
            return Optional.ofNullable(manifest).map(NotificationHandlerTest::resource);
        };
        NotificationComposer composer = new NotificationComposer(new S3ReportLinks(presigner), manifests, Duration.ofDays(1));
        return new NotificationHandler(composer, topic);
    }

    private static void invoke(NotificationHandler handler, String event)
            throws Exception
    {
        try (InputStream input = NotificationHandlerTest.class.getResourceAsStream("/events/" + event)) {
            handler.handleRequest(input, new ByteArrayOutputStream(), new TestingContext());
        }
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

    /** SNS has no emulator here: a hand-written fake topic that keeps what was published. */
    private static final class FakeTopic
            implements NotificationPublisher
    {
        private final List<Notification> published = new ArrayList<>();

        @Override
        public void publish(Notification notification)
        {
            published.add(notification);
        }
    }
}
