package io.duckstep.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import static java.util.Objects.requireNonNull;

/**
 * An EventBridge rule's target function, with nothing dropped. EventBridge invokes the function asynchronously: it
 * retries only a failed delivery (throttling, service errors), then puts the event in the {@code Undelivered} queue. A
 * function error is Lambda's to retry (twice, the most it allows), then the invocation record goes to the
 * {@code Failed} queue (the function's on-failure destination). Either queue's first message raises an alarm on the
 * notification topic.
 */
public final class AsyncEventDelivery
        extends Construct
{
    static final int DELIVERY_RETRY_ATTEMPTS = 24;
    static final int INVOCATION_RETRY_ATTEMPTS = 2;
    static final Duration MAXIMUM_EVENT_AGE = Duration.hours(6);

    /**
     * @param event what the events are, for the alarms (for example "an upload event (S3 Object Created)")
     * @param byHand another way to redo the work, for the alarms, or empty
     */
    public record Props(Function function, ITopic topic, String event, String byHand)
    {
        public Props
        {
            requireNonNull(function, "function is null");
            requireNonNull(topic, "topic is null");
            requireNonNull(event, "event is null");
            requireNonNull(byHand, "byHand is null");
        }
    }

    private final DeadLetterQueue undelivered;
    private final DeadLetterQueue failed;
    private final LambdaFunction target;

    public AsyncEventDelivery(Construct scope, String id, Props props)
    {
        super(scope, id);
        String resend = "aws lambda invoke --function-name " + props.function().getFunctionName()
                + " --invocation-type Event --cli-binary-format raw-in-base64-out --payload file://event.json out.json";
        undelivered = new DeadLetterQueue(this, "Undelivered", new DeadLetterQueue.Props(props.topic(),
                props.event() + " that EventBridge could not deliver",
                "The message body is the event itself. Save it as event.json and send it again: " + resend + "; then delete the message." + suffix(props.byHand())));
        failed = new DeadLetterQueue(this, "Failed", new DeadLetterQueue.Props(props.topic(),
                props.event() + " whose handling failed " + (INVOCATION_RETRY_ATTEMPTS + 1) + " times",
                "The message body is Lambda's invocation record: responsePayload is the error, requestPayload the event. Fix the cause, save "
                        + "requestPayload as event.json and send it again: " + resend + "; then delete the message." + suffix(props.byHand())));
        props.function().configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(INVOCATION_RETRY_ATTEMPTS)
                .maxEventAge(MAXIMUM_EVENT_AGE)
                .onFailure(new SqsDestination(failed.queue()))
                .build());
        target = LambdaFunction.Builder.create(props.function())
                .retryAttempts(DELIVERY_RETRY_ATTEMPTS)
                .maxEventAge(MAXIMUM_EVENT_AGE)
                .deadLetterQueue(undelivered.queue())
                .build();
    }

    private static String suffix(String sentence)
    {
        return sentence.isEmpty() ? "" : " " + sentence;
    }

    /** The rule target: the function, with EventBridge's retry policy and dead-letter queue. */
    public LambdaFunction target()
    {
        return target;
    }

    public DeadLetterQueue undelivered()
    {
        return undelivered;
    }

    public DeadLetterQueue failed()
    {
        return failed;
    }
}
