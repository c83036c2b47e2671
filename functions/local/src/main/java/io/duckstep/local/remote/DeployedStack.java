package io.duckstep.local.remote;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What the command line needs of a deployed DuckStep stack, from its CloudFormation outputs
 * (infra-cdk's {@code DuckStepStack}: BucketName, SummaryStateMachineArn, PromptStateMachineArn, PromptApiUrl).
 */
public record DeployedStack(String name, String bucket, String summaryStateMachineArn, String promptStateMachineArn, String promptApiUrl)
{
    public DeployedStack
    {
        requireNonNull(name, "name is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(summaryStateMachineArn, "summaryStateMachineArn is null");
        requireNonNull(promptStateMachineArn, "promptStateMachineArn is null");
        requireNonNull(promptApiUrl, "promptApiUrl is null");
    }

    public static DeployedStack describe(CloudFormationClient client, String stackName, String region)
    {
        Stack stack;
        try {
            stack = client.describeStacks(request -> request.stackName(stackName)).stacks().stream().findFirst()
                    .orElseThrow(() -> missing(stackName, region, null));
        }
        catch (CloudFormationException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode()) && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                throw missing(stackName, region, e);
            }
            throw new RemoteFailureException("CloudFormation refused to describe stack " + stackName + " in " + region + ": " + errorMessage(e), e);
        }
        catch (SdkException e) {
            throw new RemoteFailureException("cannot reach CloudFormation in " + region + ": " + e.getMessage(), e);
        }
        Map<String, String> outputs = stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue, (first, second) -> first));
        return new DeployedStack(stackName, output(outputs, stackName, "BucketName"), output(outputs, stackName, "SummaryStateMachineArn"),
                output(outputs, stackName, "PromptStateMachineArn"), output(outputs, stackName, "PromptApiUrl"));
    }

    private static RemoteFailureException missing(String stackName, String region, Throwable cause)
    {
        return new RemoteFailureException("stack " + stackName + " does not exist in " + region + " (name the DuckStep stack with --stack, or deploy it: see the README)", cause);
    }

    private static String output(Map<String, String> outputs, String stackName, String key)
    {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw new RemoteFailureException("stack " + stackName + " has no output " + key + ": is it a DuckStep stack?");
        }
        return value;
    }

    static String errorMessage(software.amazon.awssdk.awscore.exception.AwsServiceException e)
    {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
}
