package io.duckstep.core.run;

import io.duckstep.core.query.ColumnDescription;
import io.duckstep.core.query.PackagedQueries;
import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.task.RunManifestInput;
import io.duckstep.core.task.RunManifestInput.RunState;
import io.duckstep.core.task.Task;
import io.duckstep.core.task.TaskError;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.PreparedUpload;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The last step of a run: writes {@code <run>/manifest.json}, the only record of what the run produced.
 * A succeeded run's manifest lists its input, each result and the report, with the size and SHA-256 of each
 * file as stored. A failed run first removes whatever it had published under the run's result names (the
 * validated upload, the results, the report), then writes a manifest that says FAILED and why.
 */
public final class RunManifestTask
        implements Task<RunManifestInput, RecordedManifest>
{
    private final RunLayout layout;
    private final RunManifestStore store;
    private final WarehouseSpecification warehouse;
    private final Function<String, Optional<String>> definitionSha256;
    private final Clock clock;

    /**
     * @param definitionSha256 the SHA-256 of the definition a run executes, by run id, where known
     */
    public RunManifestTask(RunLayout layout, WarehouseSpecification warehouse, Function<String, Optional<String>> definitionSha256, Clock clock)
    {
        this.layout = requireNonNull(layout, "layout is null");
        this.store = new RunManifestStore(layout);
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.definitionSha256 = requireNonNull(definitionSha256, "definitionSha256 is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public RecordedManifest run(RunManifestInput input)
    {
        RunManifest manifest = input.status() == RunManifest.Status.SUCCEEDED
                ? succeeded(input.runId(), input.workflow(), input.run())
                : failed(input.runId(), input.workflow(), input.run());
        return new RecordedManifest(store.write(manifest), manifest.status());
    }

    private RunManifest succeeded(String runId, String workflow, RunState run)
    {
        if (run.prepared() == null || run.report() == null || run.results().isEmpty()) {
            throw new IllegalArgumentException("Run " + runId + " cannot be recorded as succeeded without its validated upload, results and report");
        }
        List<RunManifest.Result> results = run.results().stream().map(this::result).toList();
        String report = run.report().location();
        RunManifest.Report published = new RunManifest.Report(report, layout.storage().size(report), Sha256.of(fetch(report)), run.report().headlines());
        return manifest(runId, workflow, RunManifest.Status.SUCCEEDED, null, List.of(input(run.prepared())), results, published);
    }

    private RunManifest failed(String runId, String workflow, RunState run)
    {
        removeOutputs(runId, run);
        TaskError error = run.error() != null ? run.error() : new TaskError("States.Runtime", "the run failed without recording an error");
        String cause = error.message();
        if (run.quarantineFailure() != null) {
            cause += " (the upload could not be quarantined: " + run.quarantineFailure().message() + ")";
        }
        String quarantine = run.quarantine() == null ? null : run.quarantine().copy();
        List<RunManifest.Input> inputs = List.of();
        if (run.prepared() != null) {
            inputs = List.of(input(run.prepared()));
        }
        else if (run.upload() != null) {
            // not read by this run: its size and checksum are unknown (the quarantined copy, if any, is named in the error)
            inputs = List.of(new RunManifest.Input("upload", run.upload(), null, null, null));
        }
        return manifest(runId, workflow, RunManifest.Status.FAILED, new RunManifest.Failure(error.error(), cause, quarantine), inputs, List.of(), null);
    }

    /** Removes the run's published names: whatever a failed run wrote there before it failed is not a result. */
    private void removeOutputs(String runId, RunState run)
    {
        for (String query : PackagedQueries.SUMMARY) {
            layout.storage().delete(layout.result(runId, query));
        }
        for (QueryOutput result : run.results()) {
            // only this run's own result names: a location elsewhere is not the run's to remove
            if (result.location().equals(layout.result(runId, result.name()))) {
                layout.storage().delete(result.location());
            }
        }
        layout.storage().delete(layout.report(runId));
        layout.storage().delete(layout.preparedUpload(runId, PrepareUploadTask.TABLE));
    }

    private RunManifest manifest(String runId, String workflow, RunManifest.Status status, RunManifest.Failure error, List<RunManifest.Input> inputs,
            List<RunManifest.Result> results, RunManifest.Report report)
    {
        return new RunManifest(RunManifest.VERSION, runId, workflow, status, error, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), inputs,
                warehouse(), new RunManifest.Definition(workflow, definitionSha256.apply(runId).orElse(null)), results, report);
    }

    private static RunManifest.Input input(PreparedUpload prepared)
    {
        return new RunManifest.Input("upload", prepared.source(), prepared.sourceBytes(), prepared.sourceSha256(), prepared.rowCount());
    }

    private RunManifest.Result result(QueryOutput output)
    {
        return new RunManifest.Result(output.name(), output.location(), output.rowCount(), output.columns().stream().map(ColumnDescription::name).toList(),
                layout.storage().size(output.location()), Sha256.of(fetch(output.location())));
    }

    private RunManifest.Warehouse warehouse()
    {
        if (warehouse instanceof WarehouseSpecification.DuckDbFile file) {
            // the lineage names the warehouse file by its content; a file that is gone now is named without a checksum
            String sha256 = layout.storage().exists(file.location()) ? Sha256.of(fetch(file.location())) : null;
            return new RunManifest.Warehouse("duckdb", file.location(), null, sha256);
        }
        if (warehouse instanceof WarehouseSpecification.MotherDuck motherDuck) {
            return new RunManifest.Warehouse("motherduck", null, motherDuck.database(), null);
        }
        return new RunManifest.Warehouse("none", null, null, null);
    }

    private Path fetch(String location)
    {
        return layout.storage().fetch(location);
    }
}
