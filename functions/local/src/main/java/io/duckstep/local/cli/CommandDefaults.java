package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDbSettings;

/**
 * Defaults shared by the commands.
 */
final class CommandDefaults
{
    private CommandDefaults() {}

    /** DuckDB settings from the environment ({@code DUCKSTEP_MEMORY_LIMIT}, {@code DUCKSTEP_THREADS}, {@code DUCKSTEP_WORK_DIRECTORY}). */
    static DuckDbSettings duckDbSettings()
    {
        return DuckDbSettings.fromEnvironment(System.getenv());
    }
}
