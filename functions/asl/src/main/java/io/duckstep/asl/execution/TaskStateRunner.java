package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.TaskState;

import java.time.Duration;
import java.util.Optional;

/**
 * A Task state: {@code Parameters}, the handler (with its {@code TimeoutSeconds}), {@code ResultSelector},
 * {@code ResultPath}, all under {@code Retry} and {@code Catch}.
 */
final class TaskStateRunner
{
    private TaskStateRunner() {}

    static StateOutcome run(TaskState state, JsonNode input, StateScope scope, PayloadTemplateEvaluator templates)
    {
        return ErrorHandlingRunner.run(scope, state.errorHandling(), state.transition(), input, retryCount -> {
            ObjectNode context = scope.context(retryCount);
            JsonNode taskInput = state.parameters()
                    .map(template -> templates.evaluate(template, input, context))
                    .orElse(input);
            Optional<Duration> timeout = state.timeoutSeconds().isPresent()
                    ? Optional.of(Duration.ofSeconds(state.timeoutSeconds().getAsInt()))
                    : Optional.empty();
            JsonNode result = TaskInvoker.invoke(scope, state.resource(), taskInput, timeout);
            JsonNode selected = state.resultSelector()
                    .map(template -> templates.evaluate(template, result, context))
                    .orElse(result);
            return DataFlow.resultPath(state.resultPath(), input, selected);
        });
    }
}
