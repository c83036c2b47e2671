package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import static java.util.Objects.requireNonNull;

/**
 * A Task state's {@code TimeoutSeconds} or {@code TimeoutSecondsPath}.
 */
public sealed interface TaskTimeout
        permits TaskTimeout.Seconds, TaskTimeout.SecondsPath
{
    record Seconds(int seconds)
            implements TaskTimeout
    {
    }

    record SecondsPath(JsonPath path)
            implements TaskTimeout
    {
        public SecondsPath
        {
            requireNonNull(path, "path is null");
        }
    }
}
