package io.duckstep.asl.definition;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code "Type": "Fail"}: fails with an error and a cause, each a constant ({@code Error}, {@code Cause})
 * or taken from the input ({@code ErrorPath}, {@code CausePath}, a path or an intrinsic function).
 */
public record FailState(String name, Optional<PayloadTemplate> error, Optional<PayloadTemplate> cause)
        implements State
{
    public FailState
    {
        requireNonNull(name, "name is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }

    @Override
    public <R> R accept(Visitor<R> visitor)
    {
        return visitor.fail(this);
    }
}
