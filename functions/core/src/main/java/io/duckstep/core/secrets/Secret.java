package io.duckstep.core.secrets;

import static java.util.Objects.requireNonNull;

/**
 * A secret value that does not print itself: {@link #toString()} is redacted, so a secret that
 * reaches a log line or an exception message by accident shows nothing. Text that came back from a service
 * the secret was handed to (an error message, for example) goes through {@link #redactFrom} before it is
 * used anywhere: that is the one place secrets are scrubbed from text.
 */
public final class Secret
{
    public static final String REDACTED = "[redacted]";

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

    /**
     * @return {@code text} with every occurrence of the value replaced by {@value #REDACTED}; {@code null} stays {@code null}
     */
    public String redactFrom(String text)
    {
        if (text == null) {
            return null;
        }
        return text.replace(value, REDACTED);
    }

    @Override
    public String toString()
    {
        return "Secret[redacted]";
    }
}
