package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.core.task.TaskError;
import io.duckstep.llm.ModelSettings;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.LocalWorkflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "ask",
        description = {
                "Ask a question in plain English about the upload (mydf) and the warehouse (e_commerce.year_09_10).",
                "Runs state-machines/prompt.asl.json: the model writes a DuckDB query (function calling), DuckDB's parser checks it,",
                "it runs sandboxed, and the model phrases the answer. Prints {answer, query, attempts} as JSON.",
                "The key comes from --api-key or OPENAI_API_KEY; any OpenAI-compatible endpoint works through --base-url or OPENAI_BASE_URL.",
                "Example, after `duckstep demo`: duckstep ask \"How many customers are there in the historical data compared to the recent data?\""
        })
final class AskCommand
        extends HelpOptions
        implements Callable<Integer>
{
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec specification;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the question")
    String question;

    @Option(names = "--recent", paramLabel = "FILE", description = "the upload to ask about (default: the newest file in --uploads)")
    Path recent;

    @Option(names = "--summary", description = "also run the summary workflow for the same upload, in the background")
    boolean summary;

    @Mixin
    PromptOptions options;

    @Mixin
    RemoteOptions remote;

    @Override
    public Integer call()
            throws Exception
    {
        if (question.isBlank()) {
            throw new CommandFailedException("the question is empty");
        }
        if (remote.remote) {
            return RemoteCommands.ask(specification, remote, question, recent, summary);
        }
        Progress progress = new Progress(specification.commandLine().getErr());
        ModelSettings settings = options.modelSettings();
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("prompt", question).put("summary", summary);
        if (recent != null) {
            input.put("upload", recent.toString());
        }
        String runId = LocalWorkflows.newExecutionName("prompt");
        ExecutionResult result;
        try (LocalTasks tasks = options.tasks(summary)) {
            tasks.prepareModelInBackground();
            tasks.prepareSandboxInBackground();
            progress.step("asking " + settings.model() + " at " + settings.baseUrl() + " (run " + runId + ") ...");
            result = new LocalWorkflows(tasks, SummaryRun.listener(progress)).execute("prompt", runId, input);
        }
        if (!result.succeeded()) {
            throw new CommandFailedException("question " + runId + " " + result.status() + ": "
                    + new TaskError(result.error().orElse("States.Runtime"), result.cause().orElse("")).message());
        }
        specification.commandLine().getOut().println(JSON.writeValueAsString(result.output().orElseThrow()));
        return 0;
    }
}
