package io.duckstep.asl.definition;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as the Amazon States Language writes them: the RFC 3339 profile of ISO 8601 with an
 * uppercase {@code T} between date and time and an uppercase {@code Z} for UTC, for example
 * {@code 2016-03-14T01:59:00Z} or {@code 2016-03-14T01:59:00.123+01:00}.
 */
public final class Timestamps
{
    private static final Pattern RFC_3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");

    private Timestamps() {}

    public static Optional<Instant> parse(String text)
    {
        if (!RFC_3339.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
