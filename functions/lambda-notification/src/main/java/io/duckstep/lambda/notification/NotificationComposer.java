package io.duckstep.lambda.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.contract.LambdaErrorCause;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.ReportLink;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns a terminal status of the summary state machine (SUCCEEDED, FAILED, TIMED_OUT, ABORTED) into one readable
 * message. What the run produced comes from its manifest ({@code runs/<run>/manifest.json}), never from a listing
 * or the execution's output: on success the report's stable link with the headline findings; on failure the error and
 * its cause as the manifest records them. A run that wrote no manifest (stopped or timed out before its last step) is
 * said to have produced nothing usable. The link is the API's {@code GET /runs/<id>/report}, which redirects to a link
 * presigned when it is opened: a link presigned here would die with this function's temporary credentials, within hours.
 */
public final class NotificationComposer
{
    private final String reportLinkBase;
    private final RunManifests manifests;
    private final Duration linkValidity;

    /**
     * @param reportLinkBase the API's URL ({@code https://<api>.execute-api.<region>.amazonaws.com/<stage>})
     * @param linkValidity how long the API's redirect links last, to say so in the message
     */
    public NotificationComposer(String reportLinkBase, RunManifests manifests, Duration linkValidity)
    {
        this.reportLinkBase = requireNonNull(reportLinkBase, "reportLinkBase is null");
        this.manifests = requireNonNull(manifests, "manifests is null");
        this.linkValidity = requireNonNull(linkValidity, "linkValidity is null");
    }

    public Optional<Notification> compose(ExecutionStatusEvent event)
    {
        ExecutionStatusEvent.Detail detail = event.detail();
        if (detail == null || detail.status() == null || detail.status().equals("RUNNING") || detail.status().equals("PENDING_REDRIVE")) {
            return Optional.empty();
        }
        Optional<RunOutcome> manifest = detail.name() == null ? Optional.empty()
                : manifests.manifest(detail.name()).map(json -> RunOutcome.fromManifest(json, "the manifest of run " + detail.name()));
        // The manifest names the upload the run read; without one, the input does, unless the run was started with {}.
        String upload = manifest.flatMap(RunOutcome::upload).map(RunOutcome.Input::location)
                .or(() -> json(detail.input()).map(input -> input.path("upload").asText(null)))
                .orElse(null);
        StringBuilder message = new StringBuilder();
        message.append("DuckStep summary run ").append(detail.name()).append('\n');
        message.append("Input: ").append(upload != null ? upload : "the latest upload").append('\n');
        message.append("Outcome: ").append(detail.status()).append('\n');
        if (detail.startDate() != null && detail.stopDate() != null) {
            message.append("Duration: ").append(Duration.ofMillis(detail.stopDate() - detail.startDate()).toSeconds()).append(" s (started ")
                    .append(Instant.ofEpochMilli(detail.startDate())).append(")\n");
        }
        if (manifest.isPresent() && manifest.get().succeeded()) {
            RunOutcome run = manifest.get();
            run.upload().map(RunOutcome.Input::rows)
                    .ifPresent(rows -> message.append("Rows in the upload: ").append(rows).append('\n'));
            message.append('\n');
            message.append("Report: ").append(ReportLink.of(reportLinkBase, run.runId())).append('\n');
            message.append("This link does not expire. It is IAM-authorised: open it with a SigV4-signed request (for example\n")
                    .append("curl --aws-sigv4, as for the prompt API), which answers with a direct link to the report valid for ")
                    .append(linkValidity.toMinutes()).append(" minutes.\n");
            message.append("Stored at: ").append(run.report().location()).append(" (aws s3 presign gives a link signed with your own credentials)\n\n");
            message.append("Headlines:\n");
            run.report().headlines().forEach(headline -> message.append("- ").append(headline).append('\n'));
        }
        else if (manifest.isPresent()) {
            RunOutcome.Failure failure = manifest.get().error();
            message.append("\nError: ").append(failure.error()).append('\n');
            message.append("Cause: ").append(failure.cause()).append('\n');
            if (failure.quarantine() != null) {
                message.append("\nThe upload was kept, with the reason, as ").append(failure.quarantine()).append('\n');
            }
            message.append("\nThe run's outputs were removed; its manifest says FAILED.\n");
        }
        else {
            message.append("\nError: ").append(detail.error() == null ? "(none given)" : detail.error()).append('\n');
            message.append("Cause: ").append(cause(detail.cause())).append('\n');
            message.append("\nThe run wrote no manifest: none of its files count as results.\n");
        }
        String subject = "DuckStep run " + detail.status() + ": " + (upload != null ? upload.substring(upload.lastIndexOf('/') + 1) : detail.name());
        return Optional.of(new Notification(subject.length() > 100 ? subject.substring(0, 97) + "..." : subject, message.toString()));
    }

    /** A Lambda error's cause is JSON with an errorMessage; anything else is shown as it is. */
    static String cause(String cause)
    {
        if (cause == null || cause.isBlank()) {
            return "(none given)";
        }
        return LambdaErrorCause.message(cause);
    }

    private static Optional<JsonNode> json(String text)
    {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = LambdaJson.MAPPER.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        }
        catch (Exception notJson) {
            return Optional.empty();
        }
    }
}
