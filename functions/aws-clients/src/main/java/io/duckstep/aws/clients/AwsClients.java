package io.duckstep.aws.clients;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The one way the functions build an SDK client: the url-connection HTTP client (one small client instead of Apache and
 * Netty: smaller packages, faster cold starts), the function's region, and retries off in the SDK
 * ({@code doNotRetry}): the state machine's Retry, or the event source's redelivery, is the one place that retries, so
 * a failure is never retried twice over. Timeouts stay well under the functions' own.
 */
public final class AwsClients
{
    /** A request answered within seconds: Step Functions, SNS, Secrets Manager, a small S3 object. */
    public static final Timeouts REQUEST = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(15));
    /** Moving a file that may be large: the S3 objects DuckDB reads and writes. */
    public static final Timeouts TRANSFER = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(5));

    /**
     * @param connection to open a connection
     * @param socket between two reads
     * @param apiCall for the whole call
     */
    public record Timeouts(Duration connection, Duration socket, Duration apiCall)
    {
        public Timeouts
        {
            requireNonNull(connection, "connection is null");
            requireNonNull(socket, "socket is null");
            requireNonNull(apiCall, "apiCall is null");
        }
    }

    private AwsClients() {}

    /**
     * For example {@code AwsClients.build(SfnClient.builder(), settings.region(), AwsClients.REQUEST)}.
     *
     * @param region the function's {@code AWS_REGION}
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region, Timeouts timeouts)
    {
        requireNonNull(builder, "builder is null");
        requireNonNull(region, "region is null");
        requireNonNull(timeouts, "timeouts is null");
        return builder.region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeouts.connection()).socketTimeout(timeouts.socket()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(timeouts.apiCall())
                        .build())
                .build();
    }
}
