package io.duckstep.local.remote;

import io.duckstep.lambda.support.TestingS3Server;
import org.jclouds.blobstore.domain.Blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployed DuckStep stack on loopback: its bucket (S3Proxy), its two state machines (recorded Step Functions),
 * its outputs (CloudFormation) and its prompt API, and the command line arguments that point {@code --remote} at them.
 */
public final class TestingRemoteStack
        implements AutoCloseable
{
    public static final String ACCESS_KEY = "AKIDEXAMPLETESTKEY01";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String BUCKET = "duckstep-databucket-1a2b3c4d5e6f";
    public static final String SUMMARY_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:SummaryWorkflowSummaryA1B2C3D4-abcdEFGH1234";
    public static final String PROMPT_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:PromptWorkflowPromptE5F6A7B8-ijklMNOP5678";

    private final TestingS3Server s3;
    private final TestingStepFunctionsServer stepFunctions;
    private final TestingPromptApiServer promptApi;
    private final TestingCloudFormationServer cloudFormation;

    public TestingRemoteStack()
            throws Exception
    {
        s3 = new TestingS3Server(BUCKET, ACCESS_KEY, SECRET_KEY);
        stepFunctions = new TestingStepFunctionsServer();
        promptApi = new TestingPromptApiServer(ACCESS_KEY, SECRET_KEY, "us-east-1");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("BucketName", BUCKET);
        outputs.put("SummaryStateMachineArn", SUMMARY_ARN);
        outputs.put("NotificationTopicArn", "arn:aws:sns:us-east-1:123456789012:DuckStep-NotificationsTopic");
        outputs.put("PromptStateMachineArn", PROMPT_ARN);
        outputs.put("PromptApiUrl", promptApi.endpoint() + "/prod/prompt");
        cloudFormation = new TestingCloudFormationServer("DuckStep", outputs);
    }

    public TestingStepFunctionsServer stepFunctions()
    {
        return stepFunctions;
    }

    public List<String> promptApiRequests()
    {
        return promptApi.requests();
    }

    public String answer()
    {
        return TestingPromptApiServer.ANSWER;
    }

    /** The command followed by --remote and the options pointing it at this stack. */
    public String[] arguments(String... command)
    {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(List.of("--remote", "--region", "us-east-1", "--poll-milliseconds", "0",
                "--endpoint", "cloudformation=" + cloudFormation.endpoint(),
                "--endpoint", "sfn=" + stepFunctions.endpoint(),
                "--endpoint", "s3=" + s3.endpoint()));
        return arguments.toArray(String[]::new);
    }

    public void putObject(String key, String content)
    {
        Blob blob = s3.blobs().blobBuilder(key).payload(content.getBytes(StandardCharsets.UTF_8)).contentLength(content.length()).build();
        s3.blobs().putBlob(BUCKET, blob);
    }

    public String getObject(String key)
    {
        Blob blob = s3.blobs().getBlob(BUCKET, key);
        if (blob == null) {
            return null;
        }
        try (InputStream input = blob.getPayload().openStream()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
            throws Exception
    {
        cloudFormation.close();
        promptApi.close();
        stepFunctions.close();
        s3.close();
    }
}
