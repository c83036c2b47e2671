package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Task"}: runs the handler registered for its {@code Resource}.
 * An empty {@code resultPath} stands for the JSON value {@code null}.
 */
public record TaskState(
        String name,
        Transition transition,
        Optional<PayloadTemplate> parameters,
        String resource,
        OptionalInt timeoutSeconds,
        Optional<PayloadTemplate> resultSelector,
        Optional<JsonPath> resultPath,
        ErrorHandling errorHandling)
        implements State
{
    public TaskState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
        requireNonNull(resultSelector, "resultSelector is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(errorHandling, "errorHandling is null");
    }

    @Override
    public Map<String, String> targets()
    {
        return errorHandling.targets(transition);
    }

    @Override
    public boolean isTerminal()
    {
        return transition.isEnd();
    }

    @Override
    public Optional<String> taskResource()
    {
        return Optional.of(resource);
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.task(this);
    }
}
