package io.duckstep.core.query;

import static java.util.Objects.requireNonNull;

/**
 * A result column: its name and its DuckDB type, for example {@code DOUBLE} or {@code VARCHAR}.
 */
public record ColumnDescription(String name, String type)
{
    public ColumnDescription
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
