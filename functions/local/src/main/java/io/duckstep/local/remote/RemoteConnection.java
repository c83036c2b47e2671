package io.duckstep.local.remote;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The clients a remote command uses, with credentials from the SDK's default chain (environment, profile,
 * SSO, container or instance role), and the deployed stack they talk to. Endpoints can be overridden per
 * service ({@code cloudformation}, {@code sfn}, {@code s3}), for emulators and the tests.
 */
public final class RemoteConnection
        implements AutoCloseable
{
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final CloudFormationClient cloudFormation;
    private final SfnClient stepFunctions;
    private final S3Client s3;
    private final DeployedStack stack;

    private RemoteConnection(Region region, AwsCredentialsProvider credentials, Map<String, URI> endpoints, String stackName)
    {
        this.region = region;
        this.credentials = credentials;
        this.http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).connectionTimeout(Duration.ofSeconds(10)).build();
        var cloudFormationBuilder = CloudFormationClient.builder().region(region).credentialsProvider(credentials).httpClient(http);
        Optional.ofNullable(endpoints.get("cloudformation")).ifPresent(cloudFormationBuilder::endpointOverride);
        this.cloudFormation = cloudFormationBuilder.build();
        var stepFunctionsBuilder = SfnClient.builder().region(region).credentialsProvider(credentials).httpClient(http);
        Optional.ofNullable(endpoints.get("sfn")).ifPresent(stepFunctionsBuilder::endpointOverride);
        this.stepFunctions = stepFunctionsBuilder.build();
        var s3Builder = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(http)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        Optional.ofNullable(endpoints.get("s3")).ifPresent(endpoint -> s3Builder.endpointOverride(endpoint).forcePathStyle(true));
        this.s3 = s3Builder.build();
        DeployedStack described;
        try {
            described = DeployedStack.describe(cloudFormation, stackName, region.id());
        }
        catch (RuntimeException e) {
            close();
            throw e;
        }
        this.stack = described;
    }

    /**
     * @throws RemoteFailureException naming what is missing: the region, the credentials or the stack
     */
    public static RemoteConnection open(String stackName, Optional<String> region, Map<String, URI> endpoints)
    {
        requireNonNull(stackName, "stackName is null");
        Region resolvedRegion;
        try {
            resolvedRegion = region.map(Region::of).orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion());
        }
        catch (SdkClientException e) {
            throw new RemoteFailureException("no AWS region: set AWS_REGION, a region in your AWS profile, or --region", e);
        }
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        }
        catch (SdkClientException e) {
            throw new RemoteFailureException("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or sign in (aws sso login)", e);
        }
        return new RemoteConnection(resolvedRegion, credentials, Map.copyOf(endpoints), stackName);
    }

    public Region region()
    {
        return region;
    }

    public AwsCredentials credentials()
    {
        return credentials.resolveCredentials();
    }

    public DeployedStack stack()
    {
        return stack;
    }

    /** The HTTP client the SDK clients use, for the signed prompt API calls. */
    public SdkHttpClient http()
    {
        return http;
    }

    public SfnClient stepFunctions()
    {
        return stepFunctions;
    }

    public S3Client s3()
    {
        return s3;
    }

    @Override
    public void close()
    {
        cloudFormation.close();
        stepFunctions.close();
        s3.close();
        http.close();
    }
}
