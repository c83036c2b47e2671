package io.duckstep.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.TaskHandler;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.query.InputTables;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.prompt.DescribeDataTask;
import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.prompt.SandboxLimits;
import io.duckstep.core.prompt.SandboxedQueryRunner;
import io.duckstep.core.prompt.SqlGuard;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.report.ReportRequest;
import io.duckstep.core.report.ReportTask;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.task.PromptQueryInput;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.core.task.RunManifestInput;
import io.duckstep.core.run.RunManifestStore;
import io.duckstep.core.run.RunManifestTask;
import io.duckstep.core.run.Sha256;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.QuarantineTask;

import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelTaskInput;
import io.duckstep.llm.ModelUnavailableException;
import io.duckstep.llm.SqlAssistant;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

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
    public static final String DESCRIBE_DATA_FUNCTION = functionArn("duckstep-describe-data");
    public static final String PROMPT_QUERY_FUNCTION = functionArn("duckstep-prompt-query");
    public static final String MODEL_FUNCTION = functionArn("duckstep-model");
    public static final String MANIFEST_FUNCTION = functionArn("duckstep-manifest");
    /** Step Functions' own integration for starting another state machine, run locally in the background. */
    public static final String START_EXECUTION = "arn:aws:states:::states:startExecution";
    public static final String SUMMARY_STATE_MACHINE = "arn:aws:states:local:000000000000:stateMachine:summary";

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
    private final DescribeDataTask describeDataTask;
    private final SandboxedQueryRunner sandbox;
    private final PromptQueryTask promptQueryTask;
    private final BuiltOnce<ModelTask> modelTask;
    private final RunManifestTask manifestTask;
    /** The SHA-256 of the definition text each execution runs, for its manifest. */
    private final Map<String, String> definitionHashes = new ConcurrentHashMap<>();

    public LocalTasks(LocalConfiguration configuration)
    {
        this(configuration, new EnvironmentSecretStore(System.getenv()));
    }

    /** With these secrets (the MotherDuck tokens), and the model configured from the environment when a question needs it. */
    public LocalTasks(LocalConfiguration configuration, SecretStore secrets)
    {
        this(configuration, secrets, LocalTasks::modelFromEnvironment);
    }

    /**
     * @param modelTask the model's side of the prompt workflow, made on first use (only questions need a key)
     */
    public LocalTasks(LocalConfiguration configuration, SecretStore secrets, Supplier<ModelTask> modelTask)
    {
        this(configuration, secrets, modelTask, new WarehouseAttacher.ExtensionConnector());
    }

    /**
     * @param motherDuck how MotherDuck is reached (the extension; tests stand in for it, as MotherDuck cannot be reached from them);
     * not by the model's queries, which run in a worker process that always uses the extension
     */
    public LocalTasks(LocalConfiguration configuration, SecretStore secrets, Supplier<ModelTask> modelTask, WarehouseAttacher.MotherDuckConnector motherDuck)
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
        WarehouseAttacher attacher = new WarehouseAttacher(storage, secrets, motherDuck);
        this.describeDataTask = new DescribeDataTask(duckDb, new InputTables(storage, transactionsReader), attacher, configuration.warehouse());
        this.sandbox = new SandboxedQueryRunner(duckDb, storage, secrets, configuration.warehouse(), SandboxLimits.of(duckDb.settings()));
        this.promptQueryTask = new PromptQueryTask(storage, new SqlGuard(duckDb), sandbox);
        this.modelTask = new BuiltOnce<>(requireNonNull(modelTask, "modelTask is null"));
        this.queryTask = new QueryTask(duckDb, storage, new InputTables(storage, transactionsReader),
                attacher, configuration.warehouse());
        this.manifestTask = new RunManifestTask(layout, configuration.warehouse(), runId -> Optional.ofNullable(definitionHashes.get(runId)), Clock.systemUTC());
    }

    /** Records the definition an execution runs, so that its manifest names it by checksum. */
    void recordDefinition(String executionName, String definition)
    {
        definitionHashes.put(executionName, Sha256.of(definition.getBytes(StandardCharsets.UTF_8)));
    }

    void forgetDefinition(String executionName)
    {
        definitionHashes.remove(executionName);
    }

    /** Reads and writes the runs' manifests: what a run produced, once it ended. */
    public RunManifestStore manifests()
    {
        return new RunManifestStore(layout);
    }

    /**
     * Starts building the model's client now, on a background thread, so that it is ready by the first model call
     * (building openai-java's client takes a good part of a second; the upload's validation runs meanwhile). A
     * failure (no key) is reported by the first model call, as when the client is built then.
     */
    public void prepareModelInBackground()
    {
        modelTask.startInBackground("duckstep-model-client");
    }

    /** Starts the sandbox's worker process for the model's first query, in the background. */
    public void prepareSandboxInBackground()
    {
        sandbox.prepare();
    }

    public QueryTask queryTask()
    {
        return queryTask;
    }

    public RunLayout layout()
    {
        return layout;
    }

    public LocalConfiguration configuration()
    {
        return configuration;
    }

    /** What {@code ${...}} in the state machine files stands for locally (CDK substitutes real ARNs on AWS). */
    public Map<String, String> substitutions()
    {
        return Map.of(
                "PrepareUploadFunctionArn", PREPARE_UPLOAD_FUNCTION,
                "QuarantineFunctionArn", QUARANTINE_FUNCTION,
                "QueryFunctionArn", QUERY_FUNCTION,
                "ReportFunctionArn", REPORT_FUNCTION,
                "LatestUploadFunctionArn", LATEST_UPLOAD_FUNCTION,
                "DescribeDataFunctionArn", DESCRIBE_DATA_FUNCTION,
                "PromptQueryFunctionArn", PROMPT_QUERY_FUNCTION,
                "ModelFunctionArn", MODEL_FUNCTION,
                "ManifestFunctionArn", MANIFEST_FUNCTION,
                "SummaryStateMachineArn", SUMMARY_STATE_MACHINE);
    }

    public Map<String, TaskHandler> handlers()
    {
        return Map.ofEntries(
                Map.entry(PREPARE_UPLOAD_FUNCTION, input -> {
                    PrepareUploadInput request = JSON.treeToValue(input, PrepareUploadInput.class);
                    return JSON.valueToTree(prepareUploadTask.run(request.runId(), request.upload()));
                }),
                Map.entry(QUARANTINE_FUNCTION, input -> {
                    QuarantineInput request = JSON.treeToValue(input, QuarantineInput.class);
                    return JSON.valueToTree(quarantineTask.run(request.runId(), request.upload(), request.error().error(), request.error().message()));
                }),
                Map.entry(QUERY_FUNCTION, input -> JSON.valueToTree(queryTask.run(JSON.treeToValue(input, QueryTaskInput.class).toRequest(layout)))),
                Map.entry(REPORT_FUNCTION, input -> JSON.valueToTree(reportTask.run(JSON.treeToValue(input, ReportRequest.class)))),
                Map.entry(LATEST_UPLOAD_FUNCTION, input -> JSON.valueToTree(latestUploadTask.run())),
                Map.entry(DESCRIBE_DATA_FUNCTION, input -> JSON.valueToTree(describeDataTask.run(JSON.convertValue(input.path("inputs"), STRING_MAP)))),
                Map.entry(PROMPT_QUERY_FUNCTION, input -> {
                    PromptQueryInput request = JSON.treeToValue(input, PromptQueryInput.class);
                    return JSON.valueToTree(promptQueryTask.run(request.sql(), request.inputs()));
                }),
                Map.entry(MODEL_FUNCTION, input -> JSON.valueToTree(modelTask.get().run(JSON.treeToValue(input, ModelTaskInput.class)))),
                Map.entry(MANIFEST_FUNCTION, input -> JSON.valueToTree(manifestTask.run(JSON.treeToValue(input, RunManifestInput.class)))),
                Map.entry(START_EXECUTION, this::startSummary));
    }

    /**
     * Starts the summary workflow for the same upload in the background, as Step Functions' startExecution
     * integration does, and returns at once with the execution's ARN.
     */
    private JsonNode startSummary(JsonNode input)
    {
        String name = LocalWorkflows.newExecutionName("summary");
        JsonNode summaryInput = input.path("Input");
        Thread run = new Thread(() -> new LocalWorkflows(this, ExecutionListener.NONE).execute(StateMachines.SUMMARY, name, summaryInput), "summary-" + name);
        run.setDaemon(false);
        run.start();
        return JSON.createObjectNode()
                .put("ExecutionArn", "arn:aws:states:local:000000000000:execution:summary:" + name)
                .put("StartDate", System.currentTimeMillis());
    }

    private static ModelTask modelFromEnvironment()
    {
        return modelTask(ModelSettings.fromEnvironment(System.getenv()), System.getenv("OPENAI_API_KEY")).get();
    }

    /**
     * The model task for these settings, made when first needed; without a key it fails then, saying how to give one.
     */
    public static Supplier<ModelTask> modelTask(ModelSettings settings, String apiKey)
    {
        return () -> {
            if (apiKey == null || apiKey.isBlank()) {
                throw new ModelUnavailableException("No model key: pass --api-key or export OPENAI_API_KEY (and OPENAI_BASE_URL for another OpenAI-compatible endpoint)", null);
            }
            SqlAssistant assistant = new SqlAssistant(SqlAssistant.client(settings, apiKey), settings);
            assistant.prepare();
            return new ModelTask(assistant);
        };
    }

    /** A value built at most once: on the first {@link #get()}, or earlier on a background thread. */
    private static final class BuiltOnce<T>
    {
        private final FutureTask<T> task;

        BuiltOnce(Supplier<T> supplier)
        {
            this.task = new FutureTask<>(supplier::get);
        }

        void startInBackground(String threadName)
        {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        /** Builds the value here unless it is built or being built, then waits for it. */
        T get()
        {
            task.run();
            try {
                return task.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the model's client was being built", e);
            }
            catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, String>> STRING_MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {};

    private static String functionArn(String name)
    {
        return "arn:aws:lambda:local:000000000000:function:" + name;
    }
}
