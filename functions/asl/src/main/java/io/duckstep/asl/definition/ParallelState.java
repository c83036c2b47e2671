package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Parallel"}: runs every branch concurrently on the state's input; its result is the
 * array of the branches' outputs, in branch order. An empty {@code resultPath} stands for the JSON value {@code null}.
 */
public record ParallelState(
        String name,
        Transition transition,
        List<StateGraph> branches,
        Optional<JsonPath> resultPath,
        ErrorHandling errorHandling)
        implements State
{
    public ParallelState
    {
        requireNonNull(name, "name is null");
        requireNonNull(transition, "transition is null");
        branches = List.copyOf(requireNonNull(branches, "branches is null"));
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
    public Map<String, StateGraph> nestedGraphs()
    {
        Map<String, StateGraph> graphs = new LinkedHashMap<>();
        for (int i = 0; i < branches.size(); i++) {
            graphs.put("Branches[" + i + "]", branches.get(i));
        }
        return graphs;
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.parallel(this);
    }
}
