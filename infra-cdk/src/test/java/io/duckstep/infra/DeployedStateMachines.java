package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the string seams of a synthesized template: the state machines' definitions and substitutions, the Task states
 * in them (nested ones included) and the Lambda function each Task resource stands for.
 */
final class DeployedStateMachines
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)}$");

    private DeployedStateMachines() {}

    /** A state that may name errors ({@code Retry}/{@code Catch}), with the Task states whose failures reach it. */
    record ErrorHandlingState(String name, JsonNode state, List<JsonNode> tasks) {}

    record TaskState(String name, String resource) {}

    static JsonNode definition(JsonNode stateMachine)
    {
        JsonNode definition = stateMachine.path("Properties").path("DefinitionString");
        if (!definition.isTextual()) {
            throw new AssertionError("DefinitionString is not plain text (the file is deployed with definitionSubstitutions): " + definition);
        }
        try {
            return JSON.readTree(definition.asText());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Task state of a graph, its Parallel branches and Map processors. */
    static List<TaskState> tasks(JsonNode graph)
    {
        List<TaskState> tasks = new ArrayList<>();
        states(graph, (name, state) -> {
            if ("Task".equals(state.path("Type").asText())) {
                tasks.add(new TaskState(name, state.path("Resource").asText()));
            }
        });
        return tasks;
    }

    /** Every Task, Parallel and Map state, with the Task states whose errors it can see (itself, or those nested in it). */
    static List<ErrorHandlingState> errorHandlingStates(JsonNode graph)
    {
        List<ErrorHandlingState> result = new ArrayList<>();
        states(graph, (name, state) -> {
            List<JsonNode> tasks = new ArrayList<>();
            if ("Task".equals(state.path("Type").asText())) {
                tasks.add(state);
            }
            state.path("Branches").forEach(branch -> states(branch, (nestedName, nested) -> taskNodes(nested, tasks)));
            states(state.path("ItemProcessor"), (nestedName, nested) -> taskNodes(nested, tasks));
            states(state.path("Iterator"), (nestedName, nested) -> taskNodes(nested, tasks));
            if (!tasks.isEmpty()) {
                result.add(new ErrorHandlingState(name, state, tasks));
            }
        });
        return result;
    }

    /** Every name in the state's {@code Retry} and {@code Catch} {@code ErrorEquals}. */
    static List<String> errorNames(JsonNode state)
    {
        List<String> names = new ArrayList<>();
        for (String field : List.of("Retry", "Catch")) {
            state.path(field).forEach(rule -> rule.path("ErrorEquals").forEach(name -> names.add(name.asText())));
        }
        return names;
    }

    /** The logical id of the Lambda function a Task resource {@code ${Name}} is substituted with (through its alias), if any. */
    static Optional<String> function(JsonNode template, JsonNode stateMachine, String resource)
    {
        Matcher matcher = PLACEHOLDER.matcher(resource);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        JsonNode substitution = stateMachine.path("Properties").path("DefinitionSubstitutions").path(matcher.group(1));
        return functionOf(template.path("Resources"), substitution);
    }

    private static Optional<String> functionOf(JsonNode resources, JsonNode reference)
    {
        String id = reference.has("Ref") ? reference.get("Ref").asText() : reference.path("Fn::GetAtt").path(0).asText();
        JsonNode resource = resources.path(id);
        return switch (resource.path("Type").asText()) {
            case "AWS::Lambda::Function" -> Optional.of(id);
            case "AWS::Lambda::Alias" -> functionOf(resources, resource.path("Properties").path("FunctionName"));
            default -> Optional.empty();
        };
    }

    private interface StateVisitor
    {
        void visit(String name, JsonNode state);
    }

    private static void states(JsonNode graph, StateVisitor visitor)
    {
        graph.path("States").fields().forEachRemaining(entry -> {
            visitor.visit(entry.getKey(), entry.getValue());
            entry.getValue().path("Branches").forEach(branch -> states(branch, visitor));
            states(entry.getValue().path("ItemProcessor"), visitor);
            states(entry.getValue().path("Iterator"), visitor);
        });
    }

    private static void taskNodes(JsonNode state, List<JsonNode> tasks)
    {
        if ("Task".equals(state.path("Type").asText())) {
            tasks.add(state);
        }
    }
}
