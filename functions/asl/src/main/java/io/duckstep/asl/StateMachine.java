package io.duckstep.asl;

import io.duckstep.asl.definition.DefinitionParser;
import io.duckstep.asl.definition.DefinitionText;
import io.duckstep.asl.definition.State;
import io.duckstep.asl.definition.StateGraph;
import io.duckstep.asl.definition.StateMachineDefinition;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A parsed, validated Amazon States Language definition (JSONPath query language), ready to run
 * with a {@link LocalStateMachineRunner}. Only what the project's workflows use is implemented (see
 * {@link UnsupportedDefinitionException}). Immutable and safe to share.
 */
public final class StateMachine
{
    static final String ARN_PREFIX = "arn:aws:states:local:000000000000:";

    private final String name;
    private final StateMachineDefinition definition;
    private final Set<String> resources;

    private StateMachine(String name, StateMachineDefinition definition)
    {
        this.name = requireNonNull(name, "name is null");
        this.definition = requireNonNull(definition, "definition is null");
        Set<String> used = new TreeSet<>();
        collectResources(definition.graph(), used);
        this.resources = Set.copyOf(used);
    }

    /**
     * Parses and validates a definition.
     *
     * @param name the state machine's name, as in its ARN
     * @param definitionJson the definition text, as CDK deploys it, with {@code ${Name}} placeholders
     * @param substitutions the value of every placeholder, as CDK's {@code definitionSubstitutions}
     * @param availableResources the Task {@code Resource}s (after substitution) there will be a handler for
     * @throws InvalidDefinitionException when the definition is malformed or a placeholder has no substitution
     * @throws UnsupportedDefinitionException when the definition uses something the local runner does not implement
     */
    public static StateMachine parse(String name, String definitionJson, Map<String, String> substitutions, Set<String> availableResources)
    {
        ExecutionNames.check("state machine name", name);
        requireNonNull(definitionJson, "definitionJson is null");
        requireNonNull(substitutions, "substitutions is null");
        requireNonNull(availableResources, "availableResources is null");
        StateMachineDefinition definition = DefinitionParser.parse(name, DefinitionText.read(name, definitionJson, substitutions), availableResources);
        return new StateMachine(name, definition);
    }

    public String name()
    {
        return name;
    }

    /** {@code arn:aws:states:local:000000000000:stateMachine:<name>}. */
    public String arn()
    {
        return ARN_PREFIX + "stateMachine:" + name;
    }

    /** Every Task {@code Resource} the definition uses, including inside Parallel branches. */
    public Set<String> resources()
    {
        return resources;
    }

    public StateMachineDefinition definition()
    {
        return definition;
    }

    private static void collectResources(StateGraph graph, Set<String> resources)
    {
        for (State state : graph.states().values()) {
            state.taskResource().ifPresent(resources::add);
            state.nestedGraphs().values().forEach(nested -> collectResources(nested, resources));
        }
    }

    @Override
    public String toString()
    {
        return "StateMachine[" + name + "]";
    }
}
