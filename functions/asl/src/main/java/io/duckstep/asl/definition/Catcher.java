package io.duckstep.asl.definition;

import io.duckstep.asl.path.JsonPath;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a state's {@code Catch} field.
 *
 * @param resultPath where the error output goes in the state's input; empty for {@code "ResultPath": null}
 */
public record Catcher(List<String> errorEquals, String next, Optional<JsonPath> resultPath)
{
    public Catcher
    {
        errorEquals = List.copyOf(requireNonNull(errorEquals, "errorEquals is null"));
        requireNonNull(next, "next is null");
        requireNonNull(resultPath, "resultPath is null");
    }
}
