package io.duckstep.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.asl.TaskHandler;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.query.InputTables;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.report.ReportRequest;
import io.duckstep.core.report.ReportTask;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.QuarantineTask;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The in-process stand-ins for DuckStep's Lambda functions: each state machine Task resource is mapped to
 * the same domain task its Lambda handler calls, with the same JSON payloads in and out.
 */
public final class LocalTasks
{
    public static final String PREPARE_UPLOAD_FUNCTION = functionArn("duckstep-prepare-upload");
    public static final String QUARANTINE_FUNCTION = functionArn("duckstep-quarantine");
    public static final String QUERY_FUNCTION = functionArn("duckstep-query");
    public static final String REPORT_FUNCTION = functionArn("duckstep-report");
    public static final String LATEST_UPLOAD_FUNCTION = functionArn("duckstep-latest-upload");

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final LocalConfiguration configuration;
    private final RunLayout layout;
    private final PrepareUploadTask prepareUploadTask;
    private final QuarantineTask quarantineTask;
    private final QueryTask queryTask;
    private final LatestUploadTask latestUploadTask;
    private final ReportTask reportTask;

    public LocalTasks(LocalConfiguration configuration)
    {
        this(configuration, new EnvironmentSecretStore(System.getenv()));
    }

    public LocalTasks(LocalConfiguration configuration, SecretStore secrets)
    {
        this.configuration = requireNonNull(configuration, "configuration is null");
        ObjectStorage storage = new LocalFileStorage();
        DuckDb duckDb = new DuckDb(configuration.duckDbSettings());
        TransactionsReader transactionsReader = new TransactionsReader();
        this.layout = new RunLayout(storage, configuration.runsRoot().toString());
        this.prepareUploadTask = new PrepareUploadTask(duckDb, layout, transactionsReader);
        this.quarantineTask = new QuarantineTask(layout);
        this.latestUploadTask = new LatestUploadTask(storage, configuration.uploads().toString());
        this.reportTask = new ReportTask(duckDb, layout, configuration.warehouse());
        this.queryTask = new QueryTask(duckDb, storage, new InputTables(storage, transactionsReader),
                new WarehouseAttacher(storage, secrets), configuration.warehouse());
    }

    public QueryTask queryTask()
    {
        return queryTask;
    }

    public RunLayout layout()
    {
        return layout;
    }

    /** What {@code ${...}} in the state machine files stands for locally (CDK substitutes real ARNs on AWS). */
    public Map<String, String> substitutions()
    {
        return Map.of(
                "PrepareUploadFunctionArn", PREPARE_UPLOAD_FUNCTION,
                "QuarantineFunctionArn", QUARANTINE_FUNCTION,
                "QueryFunctionArn", QUERY_FUNCTION,
                "ReportFunctionArn", REPORT_FUNCTION,
                "LatestUploadFunctionArn", LATEST_UPLOAD_FUNCTION);
    }

    public Map<String, TaskHandler> handlers()
    {
        return Map.of(
                PREPARE_UPLOAD_FUNCTION, input -> {
                    PrepareUploadInput request = JSON.treeToValue(input, PrepareUploadInput.class);
                    return JSON.valueToTree(prepareUploadTask.run(request.runId(), request.upload()));
                },
                QUARANTINE_FUNCTION, input -> {
                    QuarantineInput request = JSON.treeToValue(input, QuarantineInput.class);
                    return JSON.valueToTree(quarantineTask.run(request.runId(), request.upload(), request.error().error(), request.error().message()));
                },
                QUERY_FUNCTION, input -> JSON.valueToTree(queryTask.run(JSON.treeToValue(input, QueryTaskInput.class).toRequest(layout))),
                REPORT_FUNCTION, input -> JSON.valueToTree(reportTask.run(JSON.treeToValue(input, ReportRequest.class))),
                LATEST_UPLOAD_FUNCTION, input -> JSON.valueToTree(latestUploadTask.run()));
    }


    private static String functionArn(String name)
    {
        return "arn:aws:lambda:local:000000000000:function:" + name;
    }
}
