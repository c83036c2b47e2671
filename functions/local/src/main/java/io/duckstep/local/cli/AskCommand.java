package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.task.TaskError;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelUnavailableException;
import io.duckstep.llm.SqlAssistant;
import io.duckstep.local.EnvironmentSecretStore;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.LocalWorkflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
                "Ask a question in plain English about the upload (mydf) and the warehouse (e_commerce.year_09_10).",
                "Runs state-machines/prompt.asl.json: the model writes a DuckDB query (function calling), DuckDB's parser checks it,",
                "it runs sandboxed, and the model phrases the answer. Prints {answer, query, attempts} as JSON.",
                "The key comes from --api-key or OPENAI_API_KEY; any OpenAI-compatible endpoint works through --base-url or OPENAI_BASE_URL.",
                "Example, after `duckstep demo`: duckstep ask \"How many customers are there in the historical data compared to the recent data?\""
        })
final class AskCommand
        implements Callable<Integer>
{
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec specification;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the question")
    String question;

    @Option(names = "--recent", paramLabel = "FILE", description = "the upload to ask about (default: the newest file in --uploads)")
    Path recent;

    @Option(names = "--uploads", paramLabel = "DIR", defaultValue = "out/demo/uploads", description = "where uploads are (default: ${DEFAULT-VALUE})")
    Path uploads;

    @Option(names = "--warehouse", paramLabel = "FILE", defaultValue = "out/demo/warehouse.duckdb", description = "the warehouse DuckDB file (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--summary", description = "also run the summary workflow for the same upload, in the background")
    boolean summary;

    @Option(names = "--api-key", paramLabel = "KEY", description = "the model endpoint's key (default: OPENAI_API_KEY)")
    String apiKey;

    @Option(names = "--base-url", paramLabel = "URL", description = "an OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else https://api.openai.com/v1)")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "the model (default: DUCKSTEP_MODEL, else gpt-4o-mini)")
    String model;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per request to the model (default: 30)")
    Long timeoutSeconds;

    @Override
    public Integer call()
            throws Exception
    {
        if (question.isBlank()) {
            throw new CommandFailedException("the question is empty");
        }
        Progress progress = new Progress(specification.commandLine().getErr());
        ModelSettings defaults = ModelSettings.fromEnvironment(System.getenv());
        ModelSettings settings = new ModelSettings(model != null ? model : defaults.model(), baseUrl != null ? baseUrl : defaults.baseUrl(),
                timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : defaults.timeout(), defaults.maxRetries());
        String key = apiKey != null ? apiKey : System.getenv("OPENAI_API_KEY");
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), uploads, new WarehouseSpecification.DuckDbFile(warehouse.toString()),
                CommandDefaults.duckDbSettings()), new EnvironmentSecretStore(System.getenv()), () -> {
                    if (key == null || key.isBlank()) {
                        throw new ModelUnavailableException("No model key: pass --api-key or export OPENAI_API_KEY", null);
                    }
                    return new ModelTask(new SqlAssistant(SqlAssistant.client(settings, key), settings));
                });
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", question).put("summary", summary);
        if (recent != null) {
            input.put("upload", recent.toString());
        }
        String runId = LocalWorkflows.newExecutionName("prompt");
        progress.step("asking " + settings.model() + " at " + settings.baseUrl() + " (run " + runId + ") ...");
        ExecutionResult result = new LocalWorkflows(tasks, SummaryRun.listener(progress)).execute("prompt", runId, input);
        if (!result.succeeded()) {
            throw new CommandFailedException("question " + runId + " " + result.status() + ": "
                    + new TaskError(result.error().orElse("States.Runtime"), result.cause().orElse("")).message());
        }
        specification.commandLine().getOut().println(JSON.writeValueAsString(result.output().orElseThrow()));
        return 0;
    }
}
