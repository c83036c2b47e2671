package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the context object ({@code $$}) a state sees: {@code Execution}, {@code StateMachine} and {@code State}.
 */
final class ContextObjects
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ContextObjects() {}

    static ObjectNode forState(ExecutionEnvironment environment, String stateName, Instant enteredTime, int retryCount)
    {
        ObjectNode context = NODES.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", environment.executionArn());
        execution.set("Input", environment.input());
        execution.put("Name", environment.executionName());
        execution.put("StartTime", format(environment.startTime()));
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", format(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode stateMachine = context.putObject("StateMachine");
        stateMachine.put("Id", environment.stateMachineArn());
        stateMachine.put("Name", environment.stateMachineName());
        return context;
    }

    static String format(Instant instant)
    {
        return TIMESTAMP.format(instant);
    }
}
