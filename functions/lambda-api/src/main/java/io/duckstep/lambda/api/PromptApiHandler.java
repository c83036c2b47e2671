package io.duckstep.lambda.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * API Gateway proxy event in, proxy response out. Environment: {@code PROMPT_STATE_MACHINE_ARN}, {@code DUCKSTEP_UPLOADS_PREFIX}
 * (the only place an {@code upload} may be). The wait (20 s)
 * stays under API Gateway's 29 s integration limit.
 */
public final class PromptApiHandler
        implements RequestStreamHandler
{
    private final PromptApi api;

    public PromptApiHandler()
    {
        this(new PromptApi(new StepFunctionsPromptExecutions(SfnClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(10)).build())
                .build(), requireNonNull(System.getenv("PROMPT_STATE_MACHINE_ARN"), "PROMPT_STATE_MACHINE_ARN is not set")),
                requireNonNull(System.getenv("DUCKSTEP_UPLOADS_PREFIX"), "DUCKSTEP_UPLOADS_PREFIX is not set"),
                Duration.ofSeconds(20), Duration.ofMillis(500), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis())));
    }

    PromptApiHandler(PromptApi api)
    {
        this.api = requireNonNull(api, "api is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        LambdaJson.write(output, api.handle(LambdaJson.read(input, ApiRequest.class)));
    }
}
