package io.duckstep.core.task;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.prompt.DescribeDataTask;
import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.prompt.SandboxLimits;
import io.duckstep.core.prompt.SandboxedQueryRunner;
import io.duckstep.core.prompt.SqlGuard;
import io.duckstep.core.query.InputTables;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.report.ReportTask;
import io.duckstep.core.run.RunManifestTask;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.QuarantineTask;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Builds every workflow task with its settings, the same for each Lambda package and for the local runner: they
 * differ only in the storage, secrets and places they pass here. A limit such as the sandbox's
 * ({@link #sandboxLimits()}) is set here once. Each call builds a new task; a caller keeps what it builds.
 */
public final class TaskFactory
{
    private final DuckDb duckDb;
    private final RunLayout layout;
    private final SecretStore secrets;
    private final WarehouseSpecification warehouse;
    private final String uploadsPrefix;
    private final WarehouseAttacher.MotherDuckConnector motherDuck;
    private final TransactionsReader transactionsReader = new TransactionsReader();

    /**
     * @param layout where runs write, in which storage
     * @param uploadsPrefix where uploads arrive, for a run started without one
     */
    public TaskFactory(DuckDb duckDb, RunLayout layout, SecretStore secrets, WarehouseSpecification warehouse, String uploadsPrefix)
    {
        this(duckDb, layout, secrets, warehouse, uploadsPrefix, new WarehouseAttacher.ExtensionConnector());
    }

    /**
     * @param motherDuck how the query and describe tasks reach MotherDuck (the extension; tests stand in for it); the
     * model's queries run in a worker process that always uses the extension
     */
    public TaskFactory(DuckDb duckDb, RunLayout layout, SecretStore secrets, WarehouseSpecification warehouse, String uploadsPrefix,
            WarehouseAttacher.MotherDuckConnector motherDuck)
    {
        this.duckDb = requireNonNull(duckDb, "duckDb is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.uploadsPrefix = requireNonNull(uploadsPrefix, "uploadsPrefix is null");
        this.motherDuck = requireNonNull(motherDuck, "motherDuck is null");
    }

    public RunLayout layout()
    {
        return layout;
    }

    public LatestUploadTask latestUpload()
    {
        return new LatestUploadTask(storage(), uploadsPrefix);
    }

    public PrepareUploadTask prepareUpload()
    {
        return new PrepareUploadTask(duckDb, layout, transactionsReader);
    }

    public QuarantineTask quarantine()
    {
        return new QuarantineTask(layout);
    }

    public QueryTask query()
    {
        return new QueryTask(duckDb, layout, inputTables(), attacher(), warehouse);
    }

    public ReportTask report()
    {
        return new ReportTask(duckDb, layout, warehouse);
    }

    /**
     * @param definitionSha256 the SHA-256 of the definition a run executes, by run id, where known
     */
    public RunManifestTask runManifest(Function<String, Optional<String>> definitionSha256)
    {
        return new RunManifestTask(layout, warehouse, definitionSha256, Clock.systemUTC());
    }

    public DescribeDataTask describeData()
    {
        return new DescribeDataTask(duckDb, inputTables(), attacher(), warehouse);
    }

    /** SQL the model writes, guarded, then run in a worker process under {@link #sandboxLimits()}. */
    public PromptQueryTask promptQuery()
    {
        return new PromptQueryTask(storage(), new SqlGuard(duckDb), new SandboxedQueryRunner(duckDb, storage(), secrets, warehouse, sandboxLimits()));
    }

    /** The limits of a query the model wrote: the defaults of {@link SandboxLimits}, with DuckDB's configured memory. */
    public SandboxLimits sandboxLimits()
    {
        return SandboxLimits.of(duckDb.settings());
    }

    private ObjectStorage storage()
    {
        return layout.storage();
    }

    private InputTables inputTables()
    {
        return new InputTables(storage(), transactionsReader);
    }

    private WarehouseAttacher attacher()
    {
        return new WarehouseAttacher(storage(), secrets, motherDuck);
    }
}
