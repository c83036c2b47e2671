package io.duckstep.core.report;

import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.upload.PreparedUpload;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The report task's payload: the run, the validated upload, and the results of the summary queries
 * ({@link io.duckstep.core.query.PackagedQueries#SUMMARY}), in any order.
 */
public record ReportRequest(String runId, PreparedUpload upload, List<QueryOutput> results)
{
    public ReportRequest
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(upload, "upload is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
    }
}
