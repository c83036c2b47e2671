package io.duckstep.lambda.support;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3 API server in this JVM: S3Proxy over an in-memory jclouds blob store, on 127.0.0.1 and a free
 * port, with signature checking on. {@link #client()} is an SDK client configured as the functions' are
 * (retries off), pointed at it; {@link #presigner()} signs links it accepts; {@link #blobs()} is the store behind it.
 */
public final class TestingS3Server
        implements AutoCloseable
{
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private final String accessKey;
    private final String secretKey;
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final S3Client client;

    public TestingS3Server(String bucket)
            throws Exception
    {
        this(bucket, ACCESS_KEY, SECRET_KEY);
    }

    /** Accepting requests signed with these keys (for a client configured elsewhere, such as the command line's). */
    public TestingS3Server(String bucket, String accessKey, String secretKey)
            throws Exception
    {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.onSpinWait();
        }
        client = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofMinutes(2)).build())
                .build();
        client.createBucket(request -> request.bucket(bucket));
    }

    public S3Client client()
    {
        return client;
    }

    public S3Presigner presigner()
    {
        return S3Presigner.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    public URI endpoint()
    {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The blob store behind the API, for putting and reading objects without going through S3. */
    public BlobStore blobs()
    {
        return context.getBlobStore();
    }

    private AwsCredentialsProvider credentials()
    {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    @Override
    public void close()
            throws Exception
    {
        client.close();
        proxy.stop();
        context.close();
    }
}
