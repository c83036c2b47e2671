package io.duckstep.lambda.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.clients.AwsClients;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import io.duckstep.lambda.support.ReportLink;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /runs/{id}/report}: API Gateway proxy event in, proxy response out (see {@link ReportLinkApi}).
 * Environment: {@link ReportLinkSettings}. The links it gives are valid for {@link ReportLink#VALIDITY}.
 */
public final class ReportLinkHandler
        implements RequestStreamHandler
{
    private final ReportLinkApi api;

    public ReportLinkHandler()
    {
        this(ReportLinkSettings.fromEnvironment(System.getenv()));
    }

    private ReportLinkHandler(ReportLinkSettings settings)
    {
        this(new ReportLinkApi(new S3RunReports(AwsClients.build(S3Client.builder(), settings.region(), AwsClients.REQUEST),
                S3Presigner.builder().region(Region.of(settings.region())).build(), settings.bucket(), ReportLink.VALIDITY)));
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
