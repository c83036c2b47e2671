package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.lambda.support.UploadRunNames;
import io.duckstep.local.remote.TestingRemoteStack;
import io.duckstep.local.runs.TestingManifests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --remote} against loopback stand-ins: S3Proxy for the bucket, and recorded Step Functions,
 * CloudFormation and prompt API servers speaking the real protocols. Credentials come from the SDK's
 * default chain (here its system properties); nothing leaves 127.0.0.1.
 */
class RemoteCommandsTest
{
    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";

    @TempDir
    Path directory;

    private TestingRemoteStack stack;

    @BeforeEach
    void setUp()
            throws Exception
    {
        stack = new TestingRemoteStack();
        System.setProperty("aws.accessKeyId", TestingRemoteStack.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", TestingRemoteStack.SECRET_KEY);
    }

    @AfterEach
    void tearDown()
            throws Exception
    {
        for (String property : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sharedCredentialsFile", "aws.configFile", "aws.disableEc2Metadata")) {
            System.clearProperty(property);
        }
        stack.close();
    }

    @Test
    void runSummaryRemote_recentFile_uploadsFollowsTheTriggeredRunAndDownloadsTheReport()
            throws Exception
    {
        String content = HEADER + "489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085,United Kingdom\n";
        Path upload = Files.writeString(directory.resolve("december.csv"), content);
        // S3Proxy's ETag of a single PUT is the MD5 of the content; the bucket keeps no versions, so the trigger names the run after it
        String name = UploadRunNames.forObject(TestingRemoteStack.BUCKET, "uploads/december.csv", hex("MD5", content));
        stack.stepFunctions().expect(TestingRemoteStack.SUMMARY_ARN, name, "summary-succeeded.json",
                Map.of("bucket", TestingRemoteStack.BUCKET, "file", "december.csv", "size", String.valueOf(content.length())));
        stack.putObject("runs/" + name + "/report.html", "<html>the report</html>");

        CommandResult result = CommandResult.run(stack.arguments("run", "summary", "--recent", upload.toString(), "--output", directory.resolve("out").toString()));

        assertThat(result.code()).as(result.err()).isZero();
        Path report = directory.resolve("out/runs/" + name + "/report.html");
        assertThat(result.out().strip()).isEqualTo(report.toString());
        assertThat(report).hasContent("<html>the report</html>");
        assertThat(stack.getObject("uploads/december.csv")).isEqualTo(content);
        // the durations are the recording's timestamps apart
        assertThat(stateLines(result.err())).containsExactly(
                "duckstep:   HasUpload ...",
                "duckstep:   HasUpload done (2 ms)",
                "duckstep:   PrepareUpload ...",
                "duckstep:   PrepareUpload done (1.4 s)",
                "duckstep:   RunQueries ...",
                "duckstep:   SalesTrends ...",
                "duckstep:   SalesTrends done (939 ms)",
                "duckstep:   PriceElasticity ...",
                "duckstep:   PriceElasticity done (333 ms)",
                "duckstep:   CustomerSegmentation ...",
                "duckstep:   CustomerSegmentation done (430 ms)",
                "duckstep:   RunQueries done (1.7 s)",
                "duckstep:   BuildReport ...",
                "duckstep:   BuildReport done (840 ms)",
                "duckstep:   WriteManifest ...",
                "duckstep:   WriteManifest done (350 ms)",
                "duckstep:   Summarize ...",
                "duckstep:   Summarize done (3 ms)");
        assertThat(stack.stepFunctions().operations()).contains("DescribeExecution", "GetExecutionHistory").doesNotContain("StartExecution");
    }

    @Test
    void runSummaryRemote_noFile_startsTheStateMachineWithEmptyInput()
            throws Exception
    {
        List<String> inputs = new ArrayList<>();
        stack.stepFunctions().onStart(TestingRemoteStack.SUMMARY_ARN, "summary-succeeded.json",
                Map.of("bucket", TestingRemoteStack.BUCKET, "file", "latest.csv", "size", "100"), (name, input) -> {
                    inputs.add(input);
                    stack.putObject("runs/" + name + "/report.html", "<html>latest</html>");
                });

        CommandResult result = CommandResult.run(stack.arguments("run", "summary", "--output", directory.resolve("out").toString()));

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(inputs).containsExactly("{}");
        assertThat(Path.of(result.out().strip())).hasContent("<html>latest</html>").startsWith(directory.resolve("out/runs"));
        assertThat(Path.of(result.out().strip()).getParent().getFileName().toString()).matches("summary-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}");
        assertThat(stateLines(result.err())).hasSize(18);
    }

    @Test
    void runSummaryRemote_rejectedUpload_exitsOneWithTheCauseAndWhereTheRunFailed()
            throws Exception
    {
        String content = HEADER + "2,B,y,1,yesterday,1,1,UK\n";
        Path upload = Files.writeString(directory.resolve("bad.csv"), content);
        String name = UploadRunNames.forObject(TestingRemoteStack.BUCKET, "uploads/bad.csv", hex("MD5", content));
        stack.stepFunctions().expect(TestingRemoteStack.SUMMARY_ARN, name, "summary-failed.json",
                Map.of("bucket", TestingRemoteStack.BUCKET, "file", "bad.csv", "size", String.valueOf(content.length())));

        CommandResult result = CommandResult.run(stack.arguments("run", "summary", "--recent", upload.toString(), "--output", directory.resolve("out").toString()));

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("duckstep:   UploadRejected failed: io.duckstep.core.error.InvalidInputException")
                .contains("duckstep summary: workflow " + name + " FAILED: io.duckstep.core.error.InvalidInputException: s3://" + TestingRemoteStack.BUCKET
                        + "/uploads/bad.csv, line 3, column 'InvoiceDate': not a date and time: 'yesterday' (files of this run: s3://" + TestingRemoteStack.BUCKET + "/runs/" + name + "/)");
        assertThat(directory.resolve("out/runs/" + name + "/report.html")).doesNotExist();
    }

    @Test
    void askRemote_question_isSignedAndPolledOn202UntilAnswered()
            throws Exception
    {
        CommandResult result = CommandResult.run(stack.arguments("ask", "How many customers are there in the historical data compared to the recent data?"));

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode answer = JsonMapper.builder().build().readTree(result.out());
        assertThat(answer).isEqualTo(JsonMapper.builder().build().readTree(stack.answer()));
        assertThat(stack.promptApiRequests()).containsExactly(
                "POST /prod/prompt {\"prompt\":\"How many customers are there in the historical data compared to the recent data?\"}",
                "GET /prod/prompt/prompt-req-1",
                "GET /prod/prompt/prompt-req-1");
        assertThat(result.err()).contains("question prompt-req-1 is still running");
    }

    @Test
    void askRemote_wrongSecretKey_isRefusedByTheApiWithOneLine()
    {
        System.setProperty("aws.secretAccessKey", "not-the-secret");

        CommandResult result = CommandResult.run(stack.arguments("ask", "Anything?"));

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("the prompt API answered 403");
    }

    @Test
    void runsRemote_executionsOfBothStateMachines_newestFirstWithTheManifest()
            throws Exception
    {
        String succeeded = "upload-december-0123456789abcdef01234567";
        stack.stepFunctions().recorded(TestingRemoteStack.SUMMARY_ARN, succeeded, "summary-succeeded.json", Map.of("bucket", TestingRemoteStack.BUCKET, "file", "december.csv", "size", "100"));
        stack.stepFunctions().recorded(TestingRemoteStack.PROMPT_ARN, "prompt-req-9", "prompt-succeeded.json", Map.of());
        stack.putObject("runs/" + succeeded + "/manifest.json", TestingManifests.succeeded(succeeded, "s3://" + TestingRemoteStack.BUCKET + "/uploads/december.csv", 100, "aa".repeat(32),
                "s3://" + TestingRemoteStack.BUCKET + "/warehouse/warehouse.duckdb", "bb".repeat(32), "cc".repeat(32), "sales_trends",
                "s3://" + TestingRemoteStack.BUCKET + "/runs/" + succeeded + "/results/sales_trends.parquet", 2576,
                "s3://" + TestingRemoteStack.BUCKET + "/runs/" + succeeded + "/report.html").toString());

        CommandResult result = CommandResult.run(stack.arguments("runs"));

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out().lines().skip(1)).satisfiesExactly(
                line -> assertThat(line).startsWith("prompt-req-9").contains("prompt", "SUCCEEDED", "6.5 s"),
                line -> assertThat(line).startsWith(succeeded).contains("summary", "SUCCEEDED", "s3://" + TestingRemoteStack.BUCKET + "/uploads/december.csv",
                        "s3://" + TestingRemoteStack.BUCKET + "/runs/" + succeeded + "/report.html"));
    }

    @Test
    void remote_stackThatDoesNotExist_oneLineNamingItAndTheTraceOnlyWithVerbose()
    {
        CommandResult quiet = CommandResult.run(stack.arguments("runs", "--stack", "NoSuchStack"));
        CommandResult verbose = CommandResult.run(stack.arguments("runs", "--stack", "NoSuchStack", "--verbose"));

        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err().strip()).isEqualTo("duckstep runs: stack NoSuchStack does not exist in us-east-1 (name the DuckStep stack with --stack, or deploy it: see the README)");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).contains("CloudFormationException").contains("\tat software.amazon.awssdk");
    }

    @Test
    void remote_noCredentials_oneLineNamingWhatIsMissing()
    {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.setProperty("aws.sharedCredentialsFile", directory.resolve("no-credentials").toString());
        System.setProperty("aws.configFile", directory.resolve("no-config").toString());
        System.setProperty("aws.disableEc2Metadata", "true");

        CommandResult result = CommandResult.run(stack.arguments("run", "summary"));

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("duckstep summary: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or sign in (aws sso login)");
    }

    @Test
    void remote_noRegion_oneLineNamingWhatIsMissing()
    {
        System.setProperty("aws.configFile", directory.resolve("no-config").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
        List<String> arguments = new ArrayList<>(List.of(stack.arguments("runs")));
        int region = arguments.indexOf("--region");
        arguments.remove(region);
        arguments.remove(region);

        CommandResult result = CommandResult.run(arguments.toArray(String[]::new));

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("duckstep runs: no AWS region: set AWS_REGION, a region in your AWS profile, or --region");
    }

    @Test
    void help_remoteOptions_areDocumented()
    {
        for (String[] command : new String[][] {{"run", "summary", "--help"}, {"ask", "--help"}, {"runs", "--help"}}) {
            CommandResult result = CommandResult.run(command);
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("--remote").contains("--stack=NAME").doesNotContain("--endpoint");
        }
    }

    private static List<String> stateLines(String err)
    {
        return err.lines().filter(line -> line.startsWith("duckstep:   ")).toList();
    }

    private static String hex(String algorithm, String content)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
