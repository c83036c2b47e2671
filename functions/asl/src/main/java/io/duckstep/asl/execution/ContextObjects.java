package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the context object ({@code $$}) a state sees: {@code Execution}, {@code StateMachine},
 * {@code State} and, inside a Map state's item selector, {@code Map.Item}.
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

    /** A shallow copy of a Map state's context object with {@code Map.Item.Index} and {@code Map.Item.Value}. */
    static ObjectNode withMapItem(ObjectNode context, int index, JsonNode value)
    {
        ObjectNode copy = NODES.objectNode();
        copy.setAll(context);
        ObjectNode item = copy.putObject("Map").putObject("Item");
        item.put("Index", index);
        item.set("Value", value);
        return copy;
    }

    static String format(Instant instant)
    {
        return TIMESTAMP.format(instant);
    }
}
