package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.TaskHandler;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.run.RunManifestStore;
import io.duckstep.core.run.Sha256;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.report.ReportRequest;
import io.duckstep.core.task.DescribeDataInput;
import io.duckstep.core.task.LatestUploadInput;
import io.duckstep.core.task.PrepareUploadInput;
import io.duckstep.core.task.PromptQueryInput;
import io.duckstep.core.task.QuarantineInput;
import io.duckstep.core.task.QueryTaskInput;
import io.duckstep.core.task.RunManifestInput;
import io.duckstep.core.task.Task;
import io.duckstep.core.task.TaskFactory;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelTaskInput;
import io.duckstep.llm.ModelUnavailableException;
import io.duckstep.llm.SqlAssistant;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The in-process stand-ins for DuckStep's Lambda functions: each state machine Task resource is mapped to
 * the same domain task its Lambda handler calls, with the same JSON payloads in and out.
 */
public final class LocalTasks
        implements AutoCloseable
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

    private final LocalConfiguration configuration;
    private final RunLayout layout;
    private final BuiltOnce<QueryTask> queryTask;
    private final BuiltOnce<PromptQueryTask> promptQueryTask;
    private final BuiltOnce<ModelTask> modelTask;
    /** The SHA-256 of the definition text each execution runs, for its manifest. */
    private final Map<String, String> definitionHashes = new ConcurrentHashMap<>();
    /** Each function a state machine names: its placeholder in the definitions, its local ARN, the task it runs. */
    private final List<LocalFunction> functions;

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
        this.layout = new RunLayout(new LocalFileStorage(), configuration.runsRoot().toString());
        TaskFactory factory = new TaskFactory(new DuckDb(configuration.duckDbSettings()), layout, secrets, configuration.warehouse(), configuration.uploads().toString(), motherDuck);
        // Each task is built on its first call: a command runs few of them, and the command line starts faster.
        this.queryTask = new BuiltOnce<>(factory::query);
        this.promptQueryTask = new BuiltOnce<>(factory::promptQuery);
        this.modelTask = new BuiltOnce<>(requireNonNull(modelTask, "modelTask is null"));
        this.functions = List.of(
                LocalFunction.of("PrepareUploadFunctionArn", PREPARE_UPLOAD_FUNCTION, PrepareUploadInput.class, built(factory::prepareUpload)),
                LocalFunction.of("QuarantineFunctionArn", QUARANTINE_FUNCTION, QuarantineInput.class, built(factory::quarantine)),
                LocalFunction.of("QueryFunctionArn", QUERY_FUNCTION, QueryTaskInput.class, input -> queryTask.get().run(input)),
                LocalFunction.of("ReportFunctionArn", REPORT_FUNCTION, ReportRequest.class, built(factory::report)),
                LocalFunction.of("LatestUploadFunctionArn", LATEST_UPLOAD_FUNCTION, LatestUploadInput.class, built(factory::latestUpload)),
                LocalFunction.of("DescribeDataFunctionArn", DESCRIBE_DATA_FUNCTION, DescribeDataInput.class, built(factory::describeData)),
                LocalFunction.of("PromptQueryFunctionArn", PROMPT_QUERY_FUNCTION, PromptQueryInput.class, input -> promptQueryTask.get().run(input)),
                LocalFunction.of("ModelFunctionArn", MODEL_FUNCTION, ModelTaskInput.class, input -> this.modelTask.get().run(input)),
                LocalFunction.of("ManifestFunctionArn", MANIFEST_FUNCTION, RunManifestInput.class,
                        built(() -> factory.runManifest(runId -> Optional.ofNullable(definitionHashes.get(runId))))));
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
        modelTask.startInBackground("duckstep-model-client", model -> {});
    }

    /** Builds the model's query task (its guard) and starts the sandbox's worker process for its first query, in the background. */
    public void prepareSandboxInBackground()
    {
        promptQueryTask.startInBackground("duckstep-sandbox-prepare", PromptQueryTask::prepare);
    }

    /**
     * Stops what the tasks keep running between calls: the sandbox's spare worker, if the model's query task was
     * built. A command that asks one question closes its tasks before it ends.
     */
    @Override
    public void close()
    {
        // one being built on the background thread is waited for, so that no spare starts after this
        promptQueryTask.ifStarted().ifPresent(PromptQueryTask::close);
    }

    public QueryTask queryTask()
    {
        return queryTask.get();
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
        Map<String, String> substitutions = new LinkedHashMap<>();
        functions.forEach(function -> substitutions.put(function.placeholder(), function.arn()));
        substitutions.put("SummaryStateMachineArn", SUMMARY_STATE_MACHINE);
        return Map.copyOf(substitutions);
    }

    public Map<String, TaskHandler> handlers()
    {
        Map<String, TaskHandler> handlers = new LinkedHashMap<>();
        functions.forEach(function -> handlers.put(function.arn(), function.handler()));
        handlers.put(START_EXECUTION, this::startSummary);
        return Map.copyOf(handlers);
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
        return JsonTask.JSON.createObjectNode()
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

    /** The task {@code factory} builds, built on its first call. */
    private static <I, O> Task<I, O> built(Supplier<? extends Task<I, O>> factory)
    {
        BuiltOnce<? extends Task<I, O>> task = new BuiltOnce<>(factory);
        return input -> task.get().run(input);
    }

    /** A value built at most once: on the first {@link #get()}, or earlier on a background thread. */
    private static final class BuiltOnce<T>
    {
        private final FutureTask<T> task;
        private volatile boolean started;

        BuiltOnce(Supplier<T> supplier)
        {
            this.task = new FutureTask<>(supplier::get);
        }

        /**
         * Builds the value on a background thread now, then hands it to {@code then} there; a failure is left for the
         * first {@link #get()} to report.
         */
        void startInBackground(String threadName, Consumer<T> then)
        {
            started = true;
            Thread thread = new Thread(() -> {
                try {
                    then.accept(get());
                }
                catch (RuntimeException e) {
                    // reported by the first get()
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        /** The value if it was asked for (waiting while it is being built), nothing if it never was or could not be built. */
        Optional<T> ifStarted()
        {
            if (!started) {
                return Optional.empty();
            }
            try {
                return Optional.of(get());
            }
            catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Builds the value here unless it is built or being built, then waits for it. */
        T get()
        {
            started = true;
            task.run();
            try {
                return task.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a task was being built", e);
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

    /** A Lambda function of the state machines, run in-process. */
    private record LocalFunction(String placeholder, String arn, TaskHandler handler)
    {
        static <I, O> LocalFunction of(String placeholder, String arn, Class<I> inputType, Task<I, O> task)
        {
            return new LocalFunction(placeholder, arn, JsonTask.handler(inputType, task));
        }
    }

    private static String functionArn(String name)
    {
        return "arn:aws:lambda:local:000000000000:function:" + name;
    }
}
