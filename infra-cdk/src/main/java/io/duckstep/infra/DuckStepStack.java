package io.duckstep.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.List;

/**
 * DuckStep on AWS: uploads to S3 start the summary workflow (three DuckDB queries in parallel, then the report);
 * the report lands in S3 and SNS tells people the outcome. The prompt workflow (a later issue) adds its own
 * construct beside these, sharing the bucket and the secrets.
 */
public final class DuckStepStack
        extends Stack
{
    private final DataStorage storage;
    private final DuckStepSecrets secrets;
    private final SummaryWorkflow summary;
    private final UploadTrigger trigger;
    private final RunNotifications notifications;

    public DuckStepStack(Construct scope, String id, DuckStepStackProps props)
    {
        super(scope, id, props.stackProps());
        storage = new DataStorage(this, "Storage", new DataStorage.Props(30));
        secrets = new DuckStepSecrets(this, "Secrets");
        summary = new SummaryWorkflow(this, "SummaryWorkflow", new SummaryWorkflow.Props(props.repositoryRoot(), props, storage, secrets));
        trigger = new UploadTrigger(this, "UploadTrigger", new UploadTrigger.Props(props, storage, summary.stateMachine()));
        notifications = new RunNotifications(this, "Notifications", new RunNotifications.Props(props, storage, summary.stateMachine()));

        CfnOutput.Builder.create(this, "BucketName").value(storage.bucket().getBucketName()).description("Upload to s3://<bucket>/uploads/").build();
        CfnOutput.Builder.create(this, "SummaryStateMachineArn").value(summary.stateMachine().getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "NotificationTopicArn").value(notifications.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "MotherDuckTokenSecretArn").value(secrets.motherDuckToken().getSecretArn()).description("Set with aws secretsmanager put-secret-value").build();
        CfnOutput.Builder.create(this, "OpenAiKeySecretArn").value(secrets.openAiKey().getSecretArn()).description("Set with aws secretsmanager put-secret-value").build();
        suppressReviewedFindings();
    }

    /**
     * cdk-nag findings that were reviewed and accepted, each with its reason. Everything else must pass.
     */
    private void suppressReviewedFindings()
    {
        NagSuppressions.addResourceSuppressions(storage.accessLogs(), List.of(
                NagPackSuppression.builder().id("AwsSolutions-S1").reason("This is the access-log bucket itself; logging it into itself would loop.").build()), true);
        NagSuppressions.addResourceSuppressions(secrets, List.of(
                NagPackSuppression.builder().id("AwsSolutions-SMG4").reason("The MotherDuck token and the OpenAI key are issued by those services; AWS cannot rotate them. Rotate them there and put the new value.").build()), true);
        NagSuppressions.addStackSuppressions(this, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("Only AWSLambdaBasicExecutionRole, which lets a function write its own CloudWatch logs; every data permission is an inline, prefix-scoped statement.")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")).build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("Wildcards are confined to one bucket prefix (uploads/*, runs/*, warehouse/*), to the versions and aliases of one function (function:<name>:*), to this state machine's executions, "
                                + "and to X-Ray's PutTraceSegments/PutTelemetryRecords and S3's object-level actions (GetObject*, GetBucket*, List*, Abort*, DeleteObject*) that CDK grants generate.")
                        .build()), true);
    }

    public DataStorage storage()
    {
        return storage;
    }

    public DuckStepSecrets secrets()
    {
        return secrets;
    }

    public SummaryWorkflow summary()
    {
        return summary;
    }

    public UploadTrigger trigger()
    {
        return trigger;
    }

    public RunNotifications notifications()
    {
        return notifications;
    }
}
