package io.duckstep.asl;

import java.util.Optional;

/**
 * A definition that may be valid for AWS Step Functions but uses something the local runner does
 * not implement: JSONata, an unknown state type or field, an unknown intrinsic function, a Choice
 * operator, a distributed Map, a Task resource without a handler.
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
