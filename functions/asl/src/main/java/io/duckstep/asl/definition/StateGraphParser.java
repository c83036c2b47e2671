package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.duckstep.asl.path.JsonPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses a {@code StartAt}/{@code States} object (the top level, a Parallel branch, a Map item
 * processor) and each of its states, refusing every field the state's type does not allow or the
 * local runner does not implement.
 */
final class StateGraphParser
{
    static final int MAXIMUM_STATE_NAME_LENGTH = 80;

    private static final Set<String> TASK_FIELDS = fields("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
            "Retry", "Catch", "Resource", "TimeoutSeconds", "TimeoutSecondsPath");
    private static final Set<String> PASS_FIELDS = fields("Next", "End", "InputPath", "OutputPath", "Parameters", "Result", "ResultPath");
    private static final Set<String> CHOICE_FIELDS = fields("Choices", "Default", "InputPath", "OutputPath");
    private static final Set<String> WAIT_FIELDS = fields("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp", "TimestampPath");
    private static final Set<String> SUCCEED_FIELDS = fields("InputPath", "OutputPath");
    private static final Set<String> FAIL_FIELDS = fields("Error", "Cause", "ErrorPath", "CausePath");
    private static final Set<String> PARALLEL_FIELDS = fields("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
            "Retry", "Catch", "Branches");
    private static final Set<String> MAP_FIELDS = fields("Next", "End", "InputPath", "OutputPath", "ItemsPath", "ItemSelector", "Parameters",
            "ItemProcessor", "Iterator", "MaxConcurrency", "ResultSelector", "ResultPath", "Retry", "Catch");
    private static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");
    private static final Set<String> ITEM_PROCESSOR_FIELDS = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    private static final Set<String> PROCESSOR_CONFIG_FIELDS = Set.of("Mode");

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
            case "Wait" -> waitState(name, state);
            case "Succeed" -> succeed(name, state);
            case "Fail" -> fail(name, state);
            case "Parallel" -> parallel(name, state);
            case "Map" -> map(name, state);
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
        state.checkFields(TASK_FIELDS, "a Task state");
        if (state.has("TimeoutSeconds") && state.has("TimeoutSecondsPath")) {
            throw state.invalid("TimeoutSecondsPath", "must not be given together with TimeoutSeconds");
        }
        Optional<TaskTimeout> timeout = Optional.empty();
        OptionalInt seconds = state.optionalInteger("TimeoutSeconds", 1);
        if (seconds.isPresent()) {
            timeout = Optional.of(new TaskTimeout.Seconds(seconds.getAsInt()));
        }
        else if (state.has("TimeoutSecondsPath")) {
            timeout = Optional.of(new TaskTimeout.SecondsPath(state.definitePath("TimeoutSecondsPath")));
        }
        return new TaskState(
                name,
                transition(state),
                state.pathOrNull("InputPath"),
                template(state, "Parameters"),
                state.requiredString("Resource"),
                timeout,
                template(state, "ResultSelector"),
                state.referencePathOrNull("ResultPath"),
                state.pathOrNull("OutputPath"),
                ErrorHandlingParser.parse(state));
    }

    private static State pass(String name, DefinitionObject state)
    {
        state.checkFields(PASS_FIELDS, "a Pass state");
        return new PassState(
                name,
                transition(state),
                state.pathOrNull("InputPath"),
                template(state, "Parameters"),
                Optional.ofNullable(state.get("Result")),
                state.referencePathOrNull("ResultPath"),
                state.pathOrNull("OutputPath"));
    }

    private static State choice(String name, DefinitionObject state)
    {
        state.checkFields(CHOICE_FIELDS, "a Choice state");
        ArrayNode array = state.requiredNonEmptyArray("Choices");
        List<ChoiceBranch> choices = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            choices.add(ChoiceRuleParser.parseBranch(state.element("Choices", i, array.get(i))));
        }
        return new ChoiceState(name, state.pathOrNull("InputPath"), state.pathOrNull("OutputPath"), choices, state.optionalString("Default"));
    }

    private static State waitState(String name, DefinitionObject state)
    {
        state.checkFields(WAIT_FIELDS, "a Wait state");
        List<String> given = new ArrayList<>();
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            if (state.has(field)) {
                given.add(field);
            }
        }
        if (given.size() != 1) {
            throw state.invalidObject("a Wait state needs exactly one of Seconds, SecondsPath, Timestamp and TimestampPath but has " + given);
        }
        WaitDuration duration = switch (given.get(0)) {
            case "Seconds" -> new WaitDuration.Seconds(state.optionalInteger("Seconds", 0).getAsInt());
            case "SecondsPath" -> new WaitDuration.SecondsPath(state.definitePath("SecondsPath"));
            case "Timestamp" -> new WaitDuration.Timestamp(Timestamps.parse(state.requiredString("Timestamp"))
                    .orElseThrow(() -> state.invalid("Timestamp", "must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z")));
            default -> new WaitDuration.TimestampPath(state.definitePath("TimestampPath"));
        };
        return new WaitState(name, transition(state), state.pathOrNull("InputPath"), state.pathOrNull("OutputPath"), duration);
    }

    private static State succeed(String name, DefinitionObject state)
    {
        state.checkFields(SUCCEED_FIELDS, "a Succeed state");
        return new SucceedState(name, state.pathOrNull("InputPath"), state.pathOrNull("OutputPath"));
    }

    private static State fail(String name, DefinitionObject state)
    {
        state.checkFields(FAIL_FIELDS, "a Fail state");
        return new FailState(name, failField(state, "Error", "ErrorPath"), failField(state, "Cause", "CausePath"));
    }

    private static Optional<PayloadTemplate> failField(DefinitionObject state, String constantField, String pathField)
    {
        if (state.has(constantField) && state.has(pathField)) {
            throw state.invalid(pathField, "must not be given together with " + constantField);
        }
        if (state.has(constantField)) {
            return Optional.of(new PayloadTemplate.Literal(TextNode.valueOf(state.requiredString(constantField))));
        }
        if (state.has(pathField)) {
            return Optional.of(PayloadTemplateParser.parseDynamicValue(state, pathField, state.get(pathField)));
        }
        return Optional.empty();
    }

    private static State parallel(String name, DefinitionObject state)
    {
        state.checkFields(PARALLEL_FIELDS, "a Parallel state");
        ArrayNode array = state.requiredNonEmptyArray("Branches");
        List<StateGraph> branches = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            DefinitionObject branch = state.element("Branches", i, array.get(i));
            branch.checkFields(BRANCH_FIELDS, "a Parallel branch");
            branches.add(parseGraph(branch));
        }
        return new ParallelState(
                name,
                transition(state),
                state.pathOrNull("InputPath"),
                template(state, "Parameters"),
                branches,
                template(state, "ResultSelector"),
                state.referencePathOrNull("ResultPath"),
                state.pathOrNull("OutputPath"),
                ErrorHandlingParser.parse(state));
    }

    private static State map(String name, DefinitionObject state)
    {
        state.checkFields(MAP_FIELDS, "a Map state");
        if (state.has("ItemSelector") && state.has("Parameters")) {
            throw state.invalid("Parameters", "must not be given together with ItemSelector, which replaces it");
        }
        if (state.has("ItemProcessor") == state.has("Iterator")) {
            throw state.invalidObject("a Map state needs exactly one of ItemProcessor and its legacy form Iterator");
        }
        StateGraph processor;
        if (state.has("ItemProcessor")) {
            DefinitionObject itemProcessor = state.object("ItemProcessor");
            itemProcessor.checkFields(ITEM_PROCESSOR_FIELDS, "an ItemProcessor");
            processorConfig(itemProcessor);
            processor = parseGraph(itemProcessor);
        }
        else {
            DefinitionObject iterator = state.object("Iterator");
            iterator.checkFields(BRANCH_FIELDS, "an Iterator");
            processor = parseGraph(iterator);
        }
        JsonPath itemsPath = state.has("ItemsPath") ? state.definitePath("ItemsPath") : JsonPath.wholeInput();
        return new MapState(
                name,
                transition(state),
                state.pathOrNull("InputPath"),
                itemsPath,
                state.has("ItemSelector") ? template(state, "ItemSelector") : template(state, "Parameters"),
                processor,
                state.optionalInteger("MaxConcurrency", 0).orElse(0),
                template(state, "ResultSelector"),
                state.referencePathOrNull("ResultPath"),
                state.pathOrNull("OutputPath"),
                ErrorHandlingParser.parse(state));
    }

    private static void processorConfig(DefinitionObject itemProcessor)
    {
        if (!itemProcessor.has("ProcessorConfig")) {
            return;
        }
        DefinitionObject config = itemProcessor.object("ProcessorConfig");
        if (config.has("ExecutionType")) {
            throw config.unsupported("ExecutionType", "ExecutionType belongs to the distributed Map, which is not supported");
        }
        config.checkFields(PROCESSOR_CONFIG_FIELDS, "a ProcessorConfig");
        Optional<String> mode = config.optionalString("Mode");
        if (mode.isEmpty() || mode.get().equals("INLINE")) {
            return;
        }
        if (mode.get().equals("DISTRIBUTED")) {
            throw config.unsupported("Mode", "the distributed Map is not supported; only INLINE runs locally");
        }
        throw config.invalid("Mode", "must be INLINE or DISTRIBUTED but is '" + mode.get() + "'");
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
