package io.duckstep.local;

import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.WarehouseSpecification;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * How the local runner is set up: where runs write their files, which warehouse the queries attach,
 * and how DuckDB is configured.
 *
 * @param runsRoot each run writes under {@code <runsRoot>/<runId>/}
 * @param uploads where uploads arrive; a run started without an upload takes the newest file here
 * @param warehouse the warehouse the query tasks attach
 * @param duckDbSettings DuckDB configuration
 */
public record LocalConfiguration(Path runsRoot, Path uploads, WarehouseSpecification warehouse, DuckDbSettings duckDbSettings)
{
    public LocalConfiguration
    {
        requireNonNull(runsRoot, "runsRoot is null");
        requireNonNull(uploads, "uploads is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(duckDbSettings, "duckDbSettings is null");
    }
}
