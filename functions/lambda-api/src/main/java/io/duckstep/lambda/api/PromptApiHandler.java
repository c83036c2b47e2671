package io.duckstep.lambda.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.clients.AwsClients;
import io.duckstep.aws.clients.StepFunctionsExecutions;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * API Gateway proxy event in, proxy response out. Environment: {@link PromptApiSettings}. The wait (20 s)
 * stays under API Gateway's 29 s integration limit.
 */
public final class PromptApiHandler
        implements RequestStreamHandler
{
    private final PromptApi api;

    public PromptApiHandler()
    {
        this(PromptApiSettings.fromEnvironment(System.getenv()));
    }

    private PromptApiHandler(PromptApiSettings settings)
    {
        this(new PromptApi(new StepFunctionsPromptExecutions(new StepFunctionsExecutions(
                AwsClients.build(SfnClient.builder(), settings.region(), AwsClients.REQUEST), settings.promptStateMachineArn())),
                settings.uploadsPrefix(), Duration.ofSeconds(20), Duration.ofMillis(500), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis())));
    }

    PromptApiHandler(PromptApi api)
    {
        this.api = requireNonNull(api, "api is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "PromptApi", () -> LambdaJson.write(output, api.handle(LambdaJson.read(input, ApiRequest.class))));
    }
}
