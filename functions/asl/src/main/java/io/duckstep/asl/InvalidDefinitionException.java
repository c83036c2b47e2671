package io.duckstep.asl;

import java.util.Optional;

/**
 * A malformed definition: not JSON, a placeholder without a substitution, a missing required
 * field, a field of the wrong type, a transition to a state that does not exist, an unreachable state.
 */
public final class InvalidDefinitionException
        extends DefinitionException
{
    public InvalidDefinitionException(String stateMachineName, Optional<String> stateName, Optional<String> field, String problem)
    {
        super(stateMachineName, stateName, field, problem, null);
    }

    public InvalidDefinitionException(String stateMachineName, Optional<String> stateName, Optional<String> field, String problem, Throwable cause)
    {
        super(stateMachineName, stateName, field, problem, cause);
    }
}
