package io.duckstep.core.query;

import io.duckstep.contract.RunIds;
import io.duckstep.core.storage.ObjectStorage;

import static java.util.Objects.requireNonNull;

/**
 * Where one run's files go, under a root: {@code <root>/<runId>/upload/mydf.parquet},
 * {@code <root>/<runId>/results/<query>.parquet}, {@code <root>/<runId>/report.html} and, written last,
 * {@code <root>/<runId>/manifest.json}.
 * The run id is the Step Functions execution name, so every execution writes under its own prefix.
 */
public record RunLayout(ObjectStorage storage, String root)
{
    public RunLayout
    {
        requireNonNull(storage, "storage is null");
        requireNonNull(root, "root is null");
    }

    public String runPrefix(String runId)
    {
        if (!RunIds.isRunId(runId)) {
            throw new IllegalArgumentException("Run id must be " + RunIds.DESCRIPTION + ": '" + runId + "'");
        }
        return storage.resolve(root, runId);
    }

    public String preparedUpload(String runId, String table)
    {
        return storage.resolve(storage.resolve(runPrefix(runId), "upload"), table + ".parquet");
    }

    public String result(String runId, String queryName)
    {
        return storage.resolve(storage.resolve(runPrefix(runId), "results"), queryName + ".parquet");
    }

    public String report(String runId)
    {
        return storage.resolve(runPrefix(runId), "report.html");
    }

    /** The run's manifest: written last, it alone says what the run produced. */
    public String manifest(String runId)
    {
        return storage.resolve(runPrefix(runId), "manifest.json");
    }
}
