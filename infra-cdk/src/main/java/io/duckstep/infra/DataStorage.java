package io.duckstep.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The data bucket: {@code uploads/} (data in), {@code runs/<execution>/} (outputs, expired after
 * {@link Props#runRetentionDays()} days), {@code warehouse/} (the DuckDB warehouse file) and {@code notifications/}
 * (one marker per run end notified, expired after {@link Props#runRetentionDays()} days). Private, encrypted, TLS
 * only, versioned, access-logged, and sending its events to EventBridge.
 *
 * <p>Functions get exact S3 actions on key patterns through {@link #grantGet}, {@link #grantPut} and {@link #grantList}
 * (listing only under a prefix, by an {@code s3:prefix} condition), each with the cdk-nag review of its wildcard.
 */
public final class DataStorage
        extends Construct
{
    public static final String UPLOADS = "uploads/";
    public static final String RUNS = "runs/";
    public static final String WAREHOUSE = "warehouse/";
    public static final String WAREHOUSE_FILE = WAREHOUSE + "warehouse.duckdb";
    public static final String NOTIFICATIONS = "notifications/";

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
                // S3 writes access logs under a bucket policy (feature flag serverAccessLogsUseBucketPolicy), so ACLs stay off
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs").expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket = Bucket.Builder.create(this, "Data")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("data/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("expire-run-outputs").prefix(RUNS).expiration(Duration.days(props.runRetentionDays()))
                                .noncurrentVersionExpiration(Duration.days(7)).build(),
                        LifecycleRule.builder().id("expire-notification-markers").prefix(NOTIFICATIONS).expiration(Duration.days(props.runRetentionDays()))
                                .noncurrentVersionExpiration(Duration.days(1)).build(),
                        LifecycleRule.builder().id("expire-old-versions").noncurrentVersionExpiration(Duration.days(30))
                                .noncurrentVersionsToRetain(3).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Events to EventBridge set on the bucket itself: Bucket.eventBridgeEnabled would add a CDK custom resource
        // (a Lambda function of its own, with a managed policy) to do what CloudFormation does natively.
        ((CfnBucket) bucket.getNode().getDefaultChild()).setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder().eventBridgeEnabled(true).build())
                .build());
    }

    /** {@code s3:GetObject} (and so HEAD) on the objects matching each key pattern, for example {@code runs/*} or {@code runs/*}{@code /report.html}. */
    public void grantGet(IGrantable grantee, String... keyPatterns)
    {
        grantObjects(grantee, "s3:GetObject", keyPatterns);
    }

    /** {@code s3:PutObject} on the objects matching each key pattern; nothing else (no delete, no ACL, no tagging). */
    public void grantPut(IGrantable grantee, String... keyPatterns)
    {
        grantObjects(grantee, "s3:PutObject", keyPatterns);
    }

    /** {@code s3:DeleteObject} on the objects matching each key pattern. */
    public void grantDelete(IGrantable grantee, String... keyPatterns)
    {
        grantObjects(grantee, "s3:DeleteObject", keyPatterns);
    }

    /**
     * {@code s3:ListBucket} for listings under {@code prefix} only. Also what lets S3 answer 404 rather than 403 for a
     * missing object under that prefix: S3 evaluates the object key as {@code s3:prefix} for that decision.
     */
    public void grantList(IGrantable grantee, String prefix)
    {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(prefix + "*"))))
                .build());
    }

    /** Reads under one prefix: {@link #grantGet} on {@code prefix*} and {@link #grantList} on {@code prefix}. */
    public void grantRead(IGrantable grantee, String prefix)
    {
        grantGet(grantee, prefix + "*");
        grantList(grantee, prefix);
    }

    private void grantObjects(IGrantable grantee, String action, String... keyPatterns)
    {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of(action))
                .resources(Arrays.stream(keyPatterns).map(bucket::arnForObjects).toList())
                .build());
        // the suppression goes on the role itself (its policies are its children), never on the stack
        if (grantee.getGrantPrincipal() instanceof IConstruct role) {
            for (String pattern : keyPatterns) {
                if (pattern.contains("*")) {
                    ReviewedFindings.wildcardResource(role, bucket.arnForObjects(pattern),
                            "Objects matching " + pattern + " only: the keys below that prefix are per upload or per run (execution name), known only at run time.");
                }
            }
        }
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
