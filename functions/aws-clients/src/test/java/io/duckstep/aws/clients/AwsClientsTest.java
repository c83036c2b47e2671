package io.duckstep.aws.clients;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AwsClientsTest
{
    @Test
    void build_client_hasTheRegionAndTheCallTimeoutAndNoRetries()
    {
        try (SfnClient client = AwsClients.build(SfnClient.builder(), "eu-west-1", AwsClients.REQUEST)) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout()).contains(Duration.ofSeconds(15));
            assertThat(client.serviceClientConfiguration().overrideConfiguration().retryStrategy()).get()
                    .satisfies(strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
        }
    }
}
