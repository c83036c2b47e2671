package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.asl.LocalStateMachineRunner;
import io.duckstep.asl.StateMachine;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;

/**
 * Runs DuckStep's state machine files in-process, with every Task resource mapped to its local task.
 */
public final class LocalWorkflows
{
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final LocalTasks tasks;
    private final ExecutionListener listener;

    public LocalWorkflows(LocalTasks tasks, ExecutionListener listener)
    {
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /**
     * Parses and checks the definition (anything the runner does not implement is refused before any
     * task runs), then executes it to the end.
     */
    public ExecutionResult execute(String stateMachineName, String executionName, JsonNode input)
    {
        return execute(stateMachineName, StateMachines.definition(stateMachineName), executionName, input);
    }

    /**
     * Runs a given definition text (for example a modified copy of a state machine file).
     *
     * @throws io.duckstep.asl.DefinitionException when the definition is invalid or uses what the runner does not implement
     */
    public ExecutionResult execute(String stateMachineName, String definition, String executionName, JsonNode input)
    {
        StateMachine stateMachine = StateMachine.parse(stateMachineName, definition, tasks.substitutions(), tasks.handlers().keySet());
        LocalStateMachineRunner runner = LocalStateMachineRunner.builder()
                .stateMachine(stateMachine)
                .handlers(tasks.handlers())
                .listener(listener)
                .build();
        tasks.recordDefinition(executionName, definition);
        try {
            return runner.execute(executionName, input);
        }
        finally {
            tasks.forgetDefinition(executionName);
        }
    }

    /** A fresh execution name: {@code <prefix>-<yyyyMMdd-HHmmss>-<4 hex>}. */
    public static String newExecutionName(String prefix)
    {
        return prefix + "-" + LocalDateTime.now().format(RUN_TIME) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
