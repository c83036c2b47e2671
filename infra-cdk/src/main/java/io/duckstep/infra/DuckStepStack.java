package io.duckstep.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.List;

/**
 * DuckStep on AWS: uploads to S3 start the summary workflow (three DuckDB queries in parallel, then the report);
 * the report lands in S3 and SNS tells people the outcome, with a stable link to the report on the API. Questions in
 * plain English go through the prompt workflow and its API, sharing the bucket, the secrets and the upload tasks.
 * Events that cannot be handled wait in dead-letter queues whose alarms publish to the same topic.
 */
public final class DuckStepStack
        extends Stack
{
    private final DataStorage storage;
    private final DuckStepSecrets secrets;
    private final SummaryWorkflow summary;
    private final UploadTrigger trigger;
    private final RunNotifications notifications;
    private final PromptWorkflow prompt;
    private final ReportLinks reportLinks;

    public DuckStepStack(Construct scope, String id, DuckStepStackProps props)
    {
        super(scope, id, props.stackProps());
        storage = new DataStorage(this, "Storage", new DataStorage.Props(30));
        secrets = new DuckStepSecrets(this, "Secrets");
        summary = new SummaryWorkflow(this, "SummaryWorkflow", new SummaryWorkflow.Props(props.repositoryRoot(), props, storage, secrets));
        prompt = new PromptWorkflow(this, "PromptWorkflow", new PromptWorkflow.Props(props, storage, secrets, summary));
        reportLinks = new ReportLinks(this, "ReportLinks", new ReportLinks.Props(props, storage, prompt.api()));
        notifications = new RunNotifications(this, "Notifications", new RunNotifications.Props(props, storage, summary.stateMachine(), prompt.api().getUrl()));
        trigger = new UploadTrigger(this, "UploadTrigger", new UploadTrigger.Props(props, storage, summary.stateMachine(), notifications.topic()));

        CfnOutput.Builder.create(this, "BucketName").value(storage.bucket().getBucketName()).description("Upload to s3://<bucket>/uploads/").build();
        CfnOutput.Builder.create(this, "SummaryStateMachineArn").value(summary.stateMachine().getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "NotificationTopicArn").value(notifications.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "PromptStateMachineArn").value(prompt.stateMachine().getStateMachineArn()).build();
        CfnOutput.Builder.create(this, "PromptApiUrl").value(prompt.api().urlForPath("/prompt")).description("POST a signed (SigV4) request here").build();
        CfnOutput.Builder.create(this, "ReportLinksUrl").value(prompt.api().urlForPath("/runs")).description("GET <url>/<execution name>/report (signed, SigV4): 302 to the report").build();
        CfnOutput.Builder.create(this, "MotherDuckTokenSecretArn").value(secrets.motherDuckToken().getSecretArn()).description("Set with aws secretsmanager put-secret-value").build();
        CfnOutput.Builder.create(this, "MotherDuckReadScalingTokenSecretArn").value(secrets.motherDuckReadScalingToken().getSecretArn()).description("Set with aws secretsmanager put-secret-value").build();
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
        NagSuppressions.addResourceSuppressions(prompt.api(), List.of(
                NagPackSuppression.builder().id("AwsSolutions-APIG3")
                        .reason("IAM-authorised API for a handful of analysts, throttled at 5 requests/s; a WAF web ACL costs more than it protects here. Add one in front if the API is ever opened wider.").build(),
                NagPackSuppression.builder().id("AwsSolutions-COG4")
                        .reason("The API is authorised with IAM (SigV4-signed requests from IAM principals); there are no end users, so no Cognito user pool.")
                        .build()), true);
        // the API's account-level CloudWatch role (not a function role): its managed policy, and nothing else
        NagSuppressions.addResourceSuppressions(prompt.api().getNode().findChild("CloudWatchRole"), List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4")
                        .reason("API Gateway's account-level role for writing execution logs uses the managed AmazonAPIGatewayPushToCloudWatchLogs policy, which grants only log writing.")
                        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs")).build()), true);
        // Function roles, their wildcards and the statements on * are reviewed where they are made: DataStorage,
        // WorkflowStateMachines, UnscopedActions, DeadLetterQueue.
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

    public PromptWorkflow prompt()
    {
        return prompt;
    }

    public RunNotifications notifications()
    {
        return notifications;
    }

    public ReportLinks reportLinks()
    {
        return reportLinks;
    }
}
