package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.duckstep.asl.path.JsonPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a {@code StartAt}/{@code States} object (the top level or a Parallel branch) and each of its
 * states, refusing every field the state's type does not allow or the local runner does not implement.
 * The runner implements what the project's workflows use: Task, Pass, Choice, Fail and Parallel states.
 */
final class StateGraphParser
{
    static final int MAXIMUM_STATE_NAME_LENGTH = 80;

    private static final Set<String> TASK_FIELDS = fields("Next", "End", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch",
            "Resource", "TimeoutSeconds");
    private static final Set<String> TASK_NOT_IMPLEMENTED = Set.of("InputPath", "OutputPath", "TimeoutSecondsPath");
    private static final Set<String> PASS_FIELDS = fields("Next", "End", "Parameters", "ResultPath");
    private static final Set<String> PASS_NOT_IMPLEMENTED = Set.of("InputPath", "OutputPath", "Result");
    private static final Set<String> CHOICE_FIELDS = fields("Choices", "Default");
    private static final Set<String> CHOICE_NOT_IMPLEMENTED = Set.of("InputPath", "OutputPath");
    private static final Set<String> FAIL_FIELDS = fields("ErrorPath", "CausePath");
    private static final Set<String> FAIL_NOT_IMPLEMENTED = Set.of("Error", "Cause");
    private static final Set<String> PARALLEL_FIELDS = fields("Next", "End", "ResultPath", "Catch", "Branches");
    private static final Set<String> PARALLEL_NOT_IMPLEMENTED = Set.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "Retry");
    private static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");

    private StateGraphParser() {}

    /** Parses the graph in {@code graph}, whose other fields must already have been checked. */
    static StateGraph parseGraph(DefinitionObject graph)
    {
        String startAt = graph.requiredString("StartAt");
        DefinitionObject states = graph.object("States");
        if (states.node().isEmpty()) {
            throw graph.invalid("States", "must contain at least one state");
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : states.node().properties()) {
            String name = entry.getKey();
            DefinitionObject state = states.state(name, entry.getValue());
            if (name.isEmpty() || name.length() > MAXIMUM_STATE_NAME_LENGTH) {
                throw state.invalidObject("a state name must have 1 to " + MAXIMUM_STATE_NAME_LENGTH + " characters");
            }
            parsed.put(name, parseState(name, state));
        }
        return new StateGraph(startAt, parsed);
    }

    private static State parseState(String name, DefinitionObject state)
    {
        String type = state.requiredString("Type");
        queryLanguage(state);
        return switch (type) {
            case "Task" -> task(name, state);
            case "Pass" -> pass(name, state);
            case "Choice" -> choice(name, state);
            case "Fail" -> fail(name, state);
            case "Parallel" -> parallel(name, state);
            case "Map", "Wait", "Succeed" -> throw state.unsupported("Type", type + " states are not supported by the local runner");
            default -> throw state.unsupported("Type", "unknown state type '" + type + "'");
        };
    }

    /** {@code QueryLanguage} on a state or at the top level: JSONPath is the only one implemented. */
    static void queryLanguage(DefinitionObject object)
    {
        Optional<String> language = object.optionalString("QueryLanguage");
        if (language.isEmpty() || language.get().equals("JSONPath")) {
            return;
        }
        if (language.get().equals("JSONata")) {
            throw object.unsupported("QueryLanguage", "JSONata is not supported; the local runner implements the JSONPath query language");
        }
        throw object.invalid("QueryLanguage", "must be JSONPath or JSONata but is '" + language.get() + "'");
    }

    private static State task(String name, DefinitionObject state)
    {
        state.checkFields(TASK_FIELDS, TASK_NOT_IMPLEMENTED, "a Task state");
        return new TaskState(
                name,
                transition(state),
                template(state, "Parameters"),
                state.requiredString("Resource"),
                state.optionalInteger("TimeoutSeconds", 1),
                template(state, "ResultSelector"),
                state.referencePathOrNull("ResultPath"),
                ErrorHandlingParser.parse(state));
    }

    private static State pass(String name, DefinitionObject state)
    {
        state.checkFields(PASS_FIELDS, PASS_NOT_IMPLEMENTED, "a Pass state");
        return new PassState(name, transition(state), template(state, "Parameters"), state.referencePathOrNull("ResultPath"));
    }

    private static State choice(String name, DefinitionObject state)
    {
        state.checkFields(CHOICE_FIELDS, CHOICE_NOT_IMPLEMENTED, "a Choice state");
        ArrayNode array = state.requiredNonEmptyArray("Choices");
        List<ChoiceBranch> choices = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            choices.add(ChoiceRuleParser.parseBranch(state.element("Choices", i, array.get(i))));
        }
        return new ChoiceState(name, choices, state.optionalString("Default"));
    }

    private static State fail(String name, DefinitionObject state)
    {
        state.checkFields(FAIL_FIELDS, FAIL_NOT_IMPLEMENTED, "a Fail state");
        return new FailState(name, failPath(state, "ErrorPath"), failPath(state, "CausePath"));
    }

    private static Optional<JsonPath> failPath(DefinitionObject state, String field)
    {
        if (!state.has(field)) {
            return Optional.empty();
        }
        if (!state.requiredString(field).startsWith("$")) {
            throw state.unsupported(field, "intrinsic functions in " + field + " are not supported by the local runner; give a path");
        }
        return Optional.of(state.path(field));
    }

    private static State parallel(String name, DefinitionObject state)
    {
        state.checkFields(PARALLEL_FIELDS, PARALLEL_NOT_IMPLEMENTED, "a Parallel state");
        ArrayNode array = state.requiredNonEmptyArray("Branches");
        List<StateGraph> branches = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            DefinitionObject branch = state.element("Branches", i, array.get(i));
            branch.checkFields(BRANCH_FIELDS, Set.of(), "a Parallel branch");
            branches.add(parseGraph(branch));
        }
        return new ParallelState(name, transition(state), branches, state.referencePathOrNull("ResultPath"), ErrorHandlingParser.parse(state));
    }

    private static Transition transition(DefinitionObject state)
    {
        JsonNode end = state.get("End");
        if (end != null && !end.isBoolean()) {
            throw state.invalid("End", "must be a boolean");
        }
        boolean isEnd = end != null && end.booleanValue();
        if (state.has("Next")) {
            if (isEnd) {
                throw state.invalidObject("a state must not have both Next and \"End\": true");
            }
            return Transition.to(state.requiredString("Next"));
        }
        if (!isEnd) {
            throw state.invalidObject("a state of this type needs either Next or \"End\": true");
        }
        return Transition.end();
    }

    private static Optional<PayloadTemplate> template(DefinitionObject state, String field)
    {
        return state.has(field) ? Optional.of(PayloadTemplateParser.parse(state, field)) : Optional.empty();
    }

    private static Set<String> fields(String... specific)
    {
        Set<String> fields = new HashSet<>(Set.of("Type", "Comment", "QueryLanguage"));
        fields.addAll(List.of(specific));
        return Set.copyOf(fields);
    }
}
