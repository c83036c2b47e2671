package io.duckstep.lambda.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * EventBridge's "Step Functions Execution Status Change" event, the fields the notification uses.
 * {@code input} and {@code output} are JSON text; either may be absent when too large to include.
 */
public record ExecutionStatusEvent(@JsonProperty("detail-type") String detailType, Detail detail)
{
    public record Detail(String executionArn, String stateMachineArn, String name, String status, Long startDate, Long stopDate,
            String input, String output, String error, String cause) {}
}
