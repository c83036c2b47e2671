package io.duckstep.lambda.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import io.duckstep.lambda.support.ReportLink;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /runs/{id}/report}: API Gateway proxy event in, proxy response out (see {@link ReportLinkApi}).
 * Environment: {@code DUCKSTEP_BUCKET}. The links it gives are valid for {@link ReportLink#VALIDITY}.
 */
public final class ReportLinkHandler
        implements RequestStreamHandler
{
    private final ReportLinkApi api;

    public ReportLinkHandler()
    {
        this(new ReportLinkApi(new S3RunReports(S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(10)).build())
                .build(), S3Presigner.create(), requireNonNull(System.getenv("DUCKSTEP_BUCKET"), "DUCKSTEP_BUCKET is not set"), ReportLink.VALIDITY)));
    }

    ReportLinkHandler(ReportLinkApi api)
    {
        this.api = requireNonNull(api, "api is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "ReportLink", () -> LambdaJson.write(output, api.handle(LambdaJson.read(input, ApiRequest.class))));
    }
}
