package io.duckstep.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;

/**
 * The data bucket: {@code uploads/} (data in), {@code runs/<execution>/} (outputs, expired after
 * {@link Props#runRetentionDays()} days) and {@code warehouse/} (the DuckDB warehouse file). Private, encrypted,
 * TLS only, versioned, access-logged, and sending its events to EventBridge.
 */
public final class DataStorage
        extends Construct
{
    public static final String UPLOADS = "uploads/";
    public static final String RUNS = "runs/";
    public static final String WAREHOUSE = "warehouse/";
    public static final String WAREHOUSE_FILE = WAREHOUSE + "warehouse.duckdb";

    public record Props(int runRetentionDays) {}

    private final Bucket bucket;
    private final Bucket accessLogs;

    public DataStorage(Construct scope, String id, Props props)
    {
        super(scope, id);
        accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs").expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket = Bucket.Builder.create(this, "Data")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .eventBridgeEnabled(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("data/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("expire-run-outputs").prefix(RUNS).expiration(Duration.days(props.runRetentionDays()))
                                .noncurrentVersionExpiration(Duration.days(7)).build(),
                        LifecycleRule.builder().id("expire-old-versions").noncurrentVersionExpiration(Duration.days(30))
                                .noncurrentVersionsToRetain(3).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Bucket bucket()
    {
        return bucket;
    }

    public Bucket accessLogs()
    {
        return accessLogs;
    }

    public String location(String key)
    {
        return "s3://" + bucket.getBucketName() + "/" + key;
    }
}
