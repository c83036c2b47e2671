package io.duckstep.lambda.support;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda {@link Context} for handler tests: fixed identity, and a logger that keeps every line.
 */
public final class TestingContext
        implements Context
{
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public List<String> logLines()
    {
        return List.copyOf(lines);
    }

    @Override
    public String getAwsRequestId()
    {
        return "00000000-0000-0000-0000-000000000000";
    }

    @Override
    public String getLogGroupName()
    {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName()
    {
        return "test";
    }

    @Override
    public String getFunctionName()
    {
        return "test";
    }

    @Override
    public String getFunctionVersion()
    {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn()
    {
        return "arn:aws:lambda:us-east-1:000000000000:function:test";
    }

    @Override
    public CognitoIdentity getIdentity()
    {
        return null;
    }

    @Override
    public ClientContext getClientContext()
    {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis()
    {
        return 300_000;
    }

    @Override
    public int getMemoryLimitInMB()
    {
        return 3008;
    }

    @Override
    public LambdaLogger getLogger()
    {
        return new LambdaLogger()
        {
            @Override
            public void log(String message)
            {
                lines.add(message);
            }

            @Override
            public void log(byte[] message)
            {
                lines.add(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
