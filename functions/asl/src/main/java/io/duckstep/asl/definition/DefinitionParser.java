package io.duckstep.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Turns a definition document into a validated {@link StateMachineDefinition}, refusing anything
 * malformed ({@link io.duckstep.asl.InvalidDefinitionException}) or not implemented by the local
 * runner ({@link io.duckstep.asl.UnsupportedDefinitionException}) before anything runs.
 */
public final class DefinitionParser
{
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");

    private DefinitionParser() {}

    /**
     * @param availableResources the Task resources that have a handler; any other resource is refused
     */
    public static StateMachineDefinition parse(String stateMachineName, JsonNode document, Set<String> availableResources)
    {
        DefinitionObject top = DefinitionObject.document(stateMachineName, document);
        top.checkFields(TOP_LEVEL_FIELDS, Set.of(), "the top level of a definition");
        StateGraphParser.queryLanguage(top);
        top.optionalString("Version");
        StateMachineDefinition definition = new StateMachineDefinition(StateGraphParser.parseGraph(top), top.optionalInteger("TimeoutSeconds", 1));
        DefinitionValidator.validate(stateMachineName, definition.graph(), availableResources);
        return definition;
    }
}
