package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.InvalidDefinitionException;
import io.duckstep.asl.UnsupportedDefinitionException;
import io.duckstep.asl.path.InvalidPathException;
import io.duckstep.asl.path.JsonPath;
import io.duckstep.asl.path.UnsupportedPathException;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A JSON object of a definition being parsed, with typed field accessors whose errors name the
 * state machine, the state and the field (as a path from the state, for example {@code Retry[0].BackoffRate}).
 */
final class DefinitionObject
{
    /** Fields of the Amazon States Language the local runner does not implement for any state type, with the reason. */
    private static final Map<String, String> UNSUPPORTED_FIELDS = Map.ofEntries(
            Map.entry("HeartbeatSeconds", "heartbeats belong to activities and callback tasks, which the local runner does not run"),
            Map.entry("HeartbeatSecondsPath", "heartbeats belong to activities and callback tasks, which the local runner does not run"),
            Map.entry("Credentials", "task credentials are not supported locally"),
            Map.entry("Assign", "workflow variables (Assign) are not supported"),
            Map.entry("Arguments", "JSONata fields are not supported; use the JSONPath query language"),
            Map.entry("Output", "JSONata fields are not supported; use the JSONPath query language"),
            Map.entry("Condition", "JSONata fields are not supported; use the JSONPath query language"),
            Map.entry("Items", "JSONata fields are not supported; use the JSONPath query language"));

    /** Fields the local runner implements for some state type. */
    private static final Set<String> IMPLEMENTED_FIELDS = Set.of(
            "Type", "Comment", "QueryLanguage", "Next", "End", "Parameters", "ResultSelector", "ResultPath",
            "Retry", "Catch", "Resource", "TimeoutSeconds", "Choices", "Default", "ErrorPath", "CausePath", "Branches");

    private final String stateMachineName;
    private final Optional<String> stateName;
    private final String location;
    private final ObjectNode node;

    private DefinitionObject(String stateMachineName, Optional<String> stateName, String location, ObjectNode node)
    {
        this.stateMachineName = requireNonNull(stateMachineName, "stateMachineName is null");
        this.stateName = requireNonNull(stateName, "stateName is null");
        this.location = requireNonNull(location, "location is null");
        this.node = requireNonNull(node, "node is null");
    }

    static DefinitionObject document(String stateMachineName, JsonNode document)
    {
        if (!(document instanceof ObjectNode object)) {
            throw new InvalidDefinitionException(stateMachineName, Optional.empty(), Optional.empty(), "the definition must be a JSON object");
        }
        return new DefinitionObject(stateMachineName, Optional.empty(), "", object);
    }

    /** The object describing the state of that name: field names in errors start afresh from the state. */
    DefinitionObject state(String name, JsonNode value)
    {
        if (!(value instanceof ObjectNode object)) {
            throw new InvalidDefinitionException(stateMachineName, Optional.of(name), Optional.empty(), "a state must be a JSON object");
        }
        return new DefinitionObject(stateMachineName, Optional.of(name), "", object);
    }

    /** A required nested object. */
    DefinitionObject object(String field)
    {
        JsonNode value = node.get(field);
        if (!(value instanceof ObjectNode object)) {
            throw invalid(field, value == null ? "is required" : "must be a JSON object");
        }
        return new DefinitionObject(stateMachineName, stateName, qualify(field), object);
    }

    /** Element {@code index} of the array in {@code field}, which must be an object. */
    DefinitionObject element(String field, int index, JsonNode value)
    {
        String elementLocation = field + "[" + index + "]";
        if (!(value instanceof ObjectNode object)) {
            throw invalid(elementLocation, "must be a JSON object");
        }
        return new DefinitionObject(stateMachineName, stateName, qualify(elementLocation), object);
    }

    ObjectNode node()
    {
        return node;
    }

    /** Where a field of this object is, as written in error messages. */
    String qualify(String field)
    {
        return location.isEmpty() ? field : location + "." + field;
    }

    Iterator<String> fieldNames()
    {
        return node.fieldNames();
    }

    /**
     * Refuses every field that is not in {@code supported}: with an {@link UnsupportedDefinitionException}
     * when it is in {@code notImplemented} (the Amazon States Language allows it in {@code what}, the local
     * runner does not implement it) or the local runner implements it nowhere, with an
     * {@link InvalidDefinitionException} when it is a field the runner knows but that does not belong in {@code what}.
     */
    void checkFields(Set<String> supported, Set<String> notImplemented, String what)
    {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (supported.contains(name)) {
                continue;
            }
            if (notImplemented.contains(name)) {
                throw unsupported(name, name + " in " + what + " is not supported by the local runner");
            }
            String reason = UNSUPPORTED_FIELDS.get(name);
            if (reason != null) {
                throw unsupported(name, reason);
            }
            if (IMPLEMENTED_FIELDS.contains(name)) {
                throw invalid(name, "is not allowed in " + what);
            }
            throw unsupported(name, "unknown field in " + what);
        }
    }

    boolean has(String field)
    {
        return node.has(field);
    }

    JsonNode get(String field)
    {
        return node.get(field);
    }

    String requiredString(String field)
    {
        JsonNode value = node.get(field);
        if (value == null) {
            throw invalid(field, "is required");
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return value.textValue();
    }

    Optional<String> optionalString(String field)
    {
        return node.has(field) ? Optional.of(requiredString(field)) : Optional.empty();
    }

    ArrayNode requiredNonEmptyArray(String field)
    {
        JsonNode value = node.get(field);
        if (value == null) {
            throw invalid(field, "is required");
        }
        if (!(value instanceof ArrayNode array)) {
            throw invalid(field, "must be a JSON array");
        }
        if (array.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        return array;
    }

    /** An optional integer of at least {@code minimum}. */
    OptionalInt optionalInteger(String field, int minimum)
    {
        JsonNode value = node.get(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field, "must be an integer");
        }
        if (value.intValue() < minimum) {
            throw invalid(field, "must be at least " + minimum + " but is " + value.intValue());
        }
        return OptionalInt.of(value.intValue());
    }

    Optional<Double> optionalNumber(String field)
    {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw invalid(field, "must be a number");
        }
        return Optional.of(value.doubleValue());
    }

    /**
     * {@code ResultPath}: absent means {@code $}, JSON {@code null} (an empty optional) means nothing,
     * a string must be a reference path into the input.
     */
    Optional<JsonPath> referencePathOrNull(String field)
    {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.of(JsonPath.wholeInput());
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        JsonPath path = path(field);
        if (!path.isReferencePath()) {
            throw invalid(field, "must be a reference path into the input (member names and non-negative indexes only, no $$): '" + path + "'");
        }
        return Optional.of(path);
    }

    /** A required path string. */
    JsonPath path(String field)
    {
        String text = requiredString(field);
        try {
            return JsonPath.parse(text);
        }
        catch (InvalidPathException e) {
            throw invalid(field, e.getMessage(), e);
        }
        catch (UnsupportedPathException e) {
            throw unsupported(field, e.getMessage(), e);
        }
    }

    InvalidDefinitionException invalid(String field, String problem)
    {
        return invalid(field, problem, null);
    }

    InvalidDefinitionException invalid(String field, String problem, Throwable cause)
    {
        return new InvalidDefinitionException(stateMachineName, stateName, Optional.of(qualify(field)), problem, cause);
    }

    /** A problem with this object as a whole rather than with one of its fields. */
    InvalidDefinitionException invalidObject(String problem)
    {
        return new InvalidDefinitionException(stateMachineName, stateName, location.isEmpty() ? Optional.empty() : Optional.of(location), problem);
    }

    UnsupportedDefinitionException unsupported(String field, String problem)
    {
        return unsupported(field, problem, null);
    }

    UnsupportedDefinitionException unsupported(String field, String problem, Throwable cause)
    {
        return new UnsupportedDefinitionException(stateMachineName, stateName, Optional.of(qualify(field)), problem, cause);
    }
}
