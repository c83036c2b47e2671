package io.duckstep.asl;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A state machine definition the local runner refuses before running anything. The message names
 * the state machine and, when known, the state and the field.
 */
public abstract sealed class DefinitionException
        extends RuntimeException
        permits InvalidDefinitionException, UnsupportedDefinitionException
{
    private final String stateMachineName;
    private final Optional<String> stateName;
    private final Optional<String> field;

    protected DefinitionException(String stateMachineName, Optional<String> stateName, Optional<String> field, String problem, Throwable cause)
    {
        super(format(stateMachineName, stateName, field, problem), cause);
        this.stateMachineName = requireNonNull(stateMachineName, "stateMachineName is null");
        this.stateName = requireNonNull(stateName, "stateName is null");
        this.field = requireNonNull(field, "field is null");
    }

    public String stateMachineName()
    {
        return stateMachineName;
    }

    /** The state at fault, or empty when the problem is at the top level of the definition. */
    public Optional<String> stateName()
    {
        return stateName;
    }

    /** The field at fault, for example {@code Retry[0].BackoffRate}, or empty when the problem is the whole state or document. */
    public Optional<String> field()
    {
        return field;
    }

    private static String format(String stateMachineName, Optional<String> stateName, Optional<String> field, String problem)
    {
        StringBuilder message = new StringBuilder("State machine '").append(stateMachineName).append("'");
        stateName.ifPresent(name -> message.append(", state '").append(name).append("'"));
        field.ifPresent(name -> message.append(", field '").append(name).append("'"));
        return message.append(": ").append(problem).toString();
    }
}
