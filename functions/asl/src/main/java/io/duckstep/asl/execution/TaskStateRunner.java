package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.definition.TaskState;
import io.duckstep.asl.definition.TaskTimeout;

import java.time.Duration;
import java.util.Optional;

/**
 * A Task state: {@code InputPath}, {@code Parameters}, the handler (with its timeout),
 * {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}, all under {@code Retry} and {@code Catch}.
 */
final class TaskStateRunner
{
    private TaskStateRunner() {}

    static StateOutcome run(TaskState state, JsonNode rawInput, StateScope scope, PayloadTemplateEvaluator templates)
    {
        return ErrorHandlingRunner.run(scope, state.errorHandling(), state.transition(), rawInput, retryCount -> {
            ObjectNode context = scope.context(retryCount);
            JsonNode effectiveInput = DataFlow.inputPath(state.inputPath(), rawInput, context);
            JsonNode taskInput = state.parameters()
                    .map(template -> templates.evaluate(template, effectiveInput, context))
                    .orElse(effectiveInput);
            Optional<Duration> timeout = state.timeout().map(value -> timeout(value, effectiveInput, context));
            JsonNode result = TaskInvoker.invoke(scope, state.resource(), taskInput, timeout);
            JsonNode selected = state.resultSelector()
                    .map(template -> templates.evaluate(template, result, context))
                    .orElse(result);
            JsonNode withResult = DataFlow.resultPath(state.resultPath(), rawInput, selected);
            return DataFlow.outputPath(state.outputPath(), withResult, context);
        });
    }

    private static Duration timeout(TaskTimeout timeout, JsonNode effectiveInput, JsonNode context)
    {
        if (timeout instanceof TaskTimeout.Seconds seconds) {
            return Duration.ofSeconds(seconds.seconds());
        }
        TaskTimeout.SecondsPath path = (TaskTimeout.SecondsPath) timeout;
        JsonNode value = DataFlow.read(path.path(), effectiveInput, context, "TimeoutSecondsPath");
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw StateFailedException.runtime("TimeoutSecondsPath '" + path.path() + "' must select a positive integer but selected " + value);
        }
        return Duration.ofSeconds(value.longValue());
    }
}
