package io.duckstep.asl.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.definition.ChoiceState;
import io.duckstep.asl.definition.FailState;
import io.duckstep.asl.definition.ParallelState;
import io.duckstep.asl.definition.PassState;
import io.duckstep.asl.definition.State;
import io.duckstep.asl.definition.StateGraph;
import io.duckstep.asl.definition.TaskState;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Interprets a graph of states (the top level or a Parallel branch) from its
 * {@code StartAt} until a state ends it, recording each state in the history.
 */
public final class GraphRunner
{
    private final ExecutionEnvironment environment;
    private final PayloadTemplateEvaluator templates;

    public GraphRunner(ExecutionEnvironment environment)
    {
        this.environment = requireNonNull(environment, "environment is null");
        this.templates = new PayloadTemplateEvaluator();
    }

    /**
     * @return the output of the state that ended the graph
     * @throws StateFailedException when a state fails with an error nothing handled
     * @throws ExecutionCancelledException when the work was cancelled
     */
    public JsonNode run(StateGraph graph, JsonNode input, CancellationToken cancellation)
    {
        String current = graph.startAt();
        JsonNode data = input;
        while (true) {
            cancellation.throwIfCancelled();
            State state = graph.state(current);
            Instant entered = environment.clock().instant();
            long start = System.nanoTime();
            environment.history().stateEntered(state.name(), data);
            StateOutcome outcome;
            try {
                outcome = runState(state, data, new StateScope(environment, state.name(), entered, cancellation));
            }
            catch (StateFailedException failure) {
                environment.history().stateFailed(state.name(), failure, Duration.ofNanos(System.nanoTime() - start));
                throw failure;
            }
            environment.history().stateExited(state.name(), outcome.output(), Duration.ofNanos(System.nanoTime() - start));
            if (outcome.next().isEmpty()) {
                return outcome.output();
            }
            data = outcome.output();
            current = outcome.next().get();
        }
    }

    private StateOutcome runState(State state, JsonNode input, StateScope scope)
    {
        return state.accept(new State.Visitor<>()
        {
            @Override
            public StateOutcome task(TaskState task)
            {
                return TaskStateRunner.run(task, input, scope, templates);
            }

            @Override
            public StateOutcome pass(PassState pass)
            {
                return PassStateRunner.run(pass, input, scope, templates);
            }

            @Override
            public StateOutcome choice(ChoiceState choice)
            {
                return ChoiceStateRunner.run(choice, input, scope);
            }

            @Override
            public StateOutcome fail(FailState fail)
            {
                return FailStateRunner.run(fail, input, scope);
            }

            @Override
            public StateOutcome parallel(ParallelState parallel)
            {
                return ParallelStateRunner.run(parallel, input, scope, GraphRunner.this);
            }
        });
    }
}
