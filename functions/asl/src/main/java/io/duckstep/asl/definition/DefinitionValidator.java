package io.duckstep.asl.definition;

import io.duckstep.asl.InvalidDefinitionException;
import io.duckstep.asl.UnsupportedDefinitionException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Checks what parsing one state at a time cannot: state names are unique across the whole machine,
 * every {@code StartAt}, {@code Next}, {@code Default} and catcher target names a state of the same
 * graph, every state is reachable, every graph can end, and every Task resource has a handler.
 */
final class DefinitionValidator
{
    private final String stateMachineName;
    private final Set<String> availableResources;

    private DefinitionValidator(String stateMachineName, Set<String> availableResources)
    {
        this.stateMachineName = requireNonNull(stateMachineName, "stateMachineName is null");
        this.availableResources = Set.copyOf(requireNonNull(availableResources, "availableResources is null"));
    }

    static void validate(String stateMachineName, StateGraph graph, Set<String> availableResources)
    {
        DefinitionValidator validator = new DefinitionValidator(stateMachineName, availableResources);
        validator.checkUniqueNames(graph);
        validator.checkGraph(graph, Optional.empty(), "");
    }

    private void checkUniqueNames(StateGraph root)
    {
        Set<String> seen = new HashSet<>();
        Deque<StateGraph> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            StateGraph graph = pending.pop();
            for (State state : graph.states().values()) {
                if (!seen.add(state.name())) {
                    throw invalid(Optional.of(state.name()), Optional.empty(),
                            "state names must be unique across the whole state machine, including Parallel branches");
                }
                state.nestedGraphs().values().forEach(pending::push);
            }
        }
    }

    /**
     * @param owner the Parallel state holding the graph, empty for the top level
     * @param location where the graph sits in its owner, for example {@code Branches[1].}
     */
    private void checkGraph(StateGraph graph, Optional<String> owner, String location)
    {
        if (!graph.states().containsKey(graph.startAt())) {
            throw invalid(owner, Optional.of(location + "StartAt"), "'" + graph.startAt() + "' does not name a state of " + describe(owner));
        }
        for (State state : graph.states().values()) {
            for (Map.Entry<String, String> target : state.targets().entrySet()) {
                if (!graph.states().containsKey(target.getValue())) {
                    throw invalid(Optional.of(state.name()), Optional.of(target.getKey()),
                            "'" + target.getValue() + "' does not name a state of " + describe(owner) + "; states transition only within their own graph");
                }
            }
            Optional<String> resource = state.taskResource().filter(name -> !availableResources.contains(name));
            if (resource.isPresent()) {
                throw new UnsupportedDefinitionException(stateMachineName, Optional.of(state.name()), Optional.of("Resource"),
                        "no task handler is available for the resource '" + resource.get() + "'; available resources: " + new TreeSet<>(availableResources));
            }
            state.nestedGraphs().forEach((field, nested) -> checkGraph(nested, Optional.of(state.name()), field + "."));
        }
        checkReachability(graph, owner);
        if (graph.states().values().stream().noneMatch(State::isTerminal)) {
            throw invalid(owner, Optional.of(location + "States"), describe(owner) + " has no terminal state (\"End\": true or Fail), so it could never finish");
        }
    }

    private void checkReachability(StateGraph graph, Optional<String> owner)
    {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(graph.startAt()));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name)) {
                pending.addAll(graph.state(name).targets().values());
            }
        }
        for (String name : graph.states().keySet()) {
            if (!reached.contains(name)) {
                throw invalid(Optional.of(name), Optional.empty(), "the state is not reachable from the StartAt of " + describe(owner));
            }
        }
    }

    private static String describe(Optional<String> owner)
    {
        return owner.map(name -> "the graph inside state '" + name + "'").orElse("the top level");
    }

    private InvalidDefinitionException invalid(Optional<String> stateName, Optional<String> field, String problem)
    {
        return new InvalidDefinitionException(stateMachineName, stateName, field, problem);
    }
}
