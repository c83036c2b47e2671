package io.duckstep.aws;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Map;

/**
 * The SDK clients the Lambda functions use, built once per environment. Retries are off in the SDK
 * ({@code maxAttempts = 1}): the state machine's Retry is the one place that retries, so a failure is
 * never retried twice over. Timeouts stay well under the functions' own.
 */
public final class AwsClients
{
    private AwsClients() {}

    public static S3Client s3(Map<String, String> environment)
    {
        return S3Client.builder()
                .region(region(environment))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(noRetries(Duration.ofMinutes(5)))
                .build();
    }

    public static SecretsManagerClient secretsManager(Map<String, String> environment)
    {
        return SecretsManagerClient.builder()
                .region(region(environment))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(noRetries(Duration.ofSeconds(15)))
                .build();
    }

    static ClientOverrideConfiguration noRetries(Duration apiCallTimeout)
    {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(apiCallTimeout)
                .build();
    }

    private static Region region(Map<String, String> environment)
    {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        return Region.of(region);
    }
}
