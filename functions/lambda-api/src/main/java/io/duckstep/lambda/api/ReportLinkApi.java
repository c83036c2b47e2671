package io.duckstep.lambda.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.contract.RunIds;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GET /runs/{id}/report}: 302 to a freshly presigned, short-lived link to the run's report; 404 with
 * {@code {"error": ...}} when the run has no report; 400 when the id is not a run id. The link in a notification
 * points here, so it keeps working however late it is opened.
 */
public final class ReportLinkApi
{
    private final RunReports reports;

    public ReportLinkApi(RunReports reports)
    {
        this.reports = requireNonNull(reports, "reports is null");
    }

    public ApiResponse handle(ApiRequest request)
    {
        String id = request.pathParameters() == null ? null : request.pathParameters().get("id");
        if (!"GET".equals(request.httpMethod()) || id == null) {
            return error(404, "Use GET /runs/{id}/report");
        }
        if (!RunIds.isRunId(id)) {
            return error(400, "Not a run id (" + RunIds.DESCRIPTION + "): " + id);
        }
        Optional<URI> link = reports.link(id);
        if (link.isEmpty()) {
            return error(404, "No report for run " + id + ": the run is unknown, still running, or failed");
        }
        return new ApiResponse(302, Map.of("Location", link.get().toString(), "Cache-Control", "no-store", "Content-Type", "application/json"),
                JsonNodeFactory.instance.objectNode().put("report", link.get().toString()).toString());
    }

    private static ApiResponse error(int status, String message)
    {
        return ApiResponse.json(status, JsonNodeFactory.instance.objectNode().put("error", message).toString());
    }
}
