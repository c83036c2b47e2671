package io.duckstep.asl;

import java.util.Optional;

/**
 * A definition that may be valid for AWS Step Functions but uses something the local runner does
 * not implement. The runner implements what the project's workflows use: Task, Pass, Choice, Fail and
 * Parallel states; Parameters, ResultSelector (Task), ResultPath, TimeoutSeconds, Retry (Task) and Catch;
 * Fail's ErrorPath and CausePath; And rules and the Choice operators IsPresent, StringEquals,
 * BooleanEquals and NumericLessThan; the intrinsic function States.MathAdd; paths of member names and
 * indexes. Anything else is refused: Map, Wait and Succeed states, InputPath, OutputPath, Pass Result,
 * a constant Fail Error or Cause, JSONata, other operators and intrinsic functions, wildcards, and a
 * Task resource without a handler.
 */
public final class UnsupportedDefinitionException
        extends DefinitionException
{
    public UnsupportedDefinitionException(String stateMachineName, Optional<String> stateName, Optional<String> field, String problem)
    {
        super(stateMachineName, stateName, field, problem, null);
    }

    public UnsupportedDefinitionException(String stateMachineName, Optional<String> stateName, Optional<String> field, String problem, Throwable cause)
    {
        super(stateMachineName, stateName, field, problem, cause);
    }
}
