package io.duckstep.core.secrets;

import static java.util.Objects.requireNonNull;

/**
 * A secret value that does not print itself: {@link #toString()} is redacted, so a secret that
 * reaches a log line or an exception message by accident shows nothing.
 */
public final class Secret
{
    private final String value;

    public Secret(String value)
    {
        this.value = requireNonNull(value, "value is null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
    }

    /** The value, for handing to the one API that needs it. */
    public String reveal()
    {
        return value;
    }

    @Override
    public String toString()
    {
        return "Secret[redacted]";
    }
}
