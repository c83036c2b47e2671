package io.duckstep.contract;

import java.util.regex.Pattern;

/**
 * A run id is the Step Functions execution name of the run: 1 to 80 letters, digits, '.', '_' or '-', and not
 * {@code .} or {@code ..} (it names a folder of the run layout and is part of the report link's path).
 */
public final class RunIds
{
    /** What a run id is, for messages. */
    public static final String DESCRIPTION = "1 to 80 letters, digits, '.', '_' or '-'";

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

    private RunIds() {}

    public static boolean isRunId(String id)
    {
        return id != null && PATTERN.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }
}
