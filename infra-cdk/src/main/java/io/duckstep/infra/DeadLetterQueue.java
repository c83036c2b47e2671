package io.duckstep.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where an event goes when it could not be handled, so that nothing is dropped: an encrypted SQS queue that keeps a
 * message 14 days, and an alarm that tells the notification topic as soon as one message is in it, saying which
 * queue, what its messages are and how to redrive them.
 */
public final class DeadLetterQueue
        extends Construct
{
    static final Duration RETENTION = Duration.days(14);

    /**
     * @param topic where the alarm publishes
     * @param what what a message in this queue is, for the alarm's description (for example "an upload event that EventBridge could not deliver")
     * @param redrive what to do with a message, for the alarm's description
     */
    public record Props(ITopic topic, String what, String redrive)
    {
        public Props
        {
            requireNonNull(topic, "topic is null");
            requireNonNull(what, "what is null");
            requireNonNull(redrive, "redrive is null");
        }
    }

    private final Queue queue;
    private final Alarm alarm;

    public DeadLetterQueue(Construct scope, String id, Props props)
    {
        super(scope, id);
        queue = Queue.Builder.create(this, "Queue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(RETENTION)
                .build();
        ReviewedFindings.accept(queue, "AwsSolutions-SQS3",
                "This queue is itself a dead-letter queue (" + props.what() + "); its alarm reports the first message, and a queue behind it would only hide it.", true);
        alarm = Alarm.Builder.create(this, "Alarm")
                .alarmDescription("DuckStep: " + props.what() + " is waiting in SQS queue " + queue.getQueueName() + ". " + props.redrive()
                        + " Runbook: README, 'An upload did not produce a report'.")
                .metric(queue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(props.topic()));
        // CloudWatch publishes as its service principal: the topic's policy lets this alarm, and only it, publish
        props.topic().addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(props.topic().getTopicArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", alarm.getAlarmArn())))
                .build());
    }

    public Queue queue()
    {
        return queue;
    }

    public Alarm alarm()
    {
        return alarm;
    }
}
