package io.duckstep.local.cli;

import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelUnavailableException;
import io.duckstep.llm.SqlAssistant;
import io.duckstep.local.EnvironmentSecretStore;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import io.duckstep.local.PromptServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Serve POST /prompt on 127.0.0.1 with the AWS endpoint's contract: {\"prompt\": \"...\"} in,",
                "{answer, query, attempts} out; 400 for a bad request; 202 with an id for a slow question, then GET /prompt/<id>.",
                "Example: curl -s localhost:8080/prompt -d '{\"prompt\": \"Which country buys the most?\"}'"
        })
final class ServeCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Option(names = "--port", defaultValue = "8080", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--uploads", paramLabel = "DIR", defaultValue = "out/demo/uploads", description = "where uploads are (default: ${DEFAULT-VALUE})")
    Path uploads;

    @Option(names = "--warehouse", paramLabel = "FILE", defaultValue = "out/demo/warehouse.duckdb", description = "the warehouse DuckDB file (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "25", description = "how long a request waits before answering 202 (default: ${DEFAULT-VALUE})")
    long waitSeconds;

    @Override
    public Integer call()
            throws Exception
    {
        ModelSettings settings = ModelSettings.fromEnvironment(System.getenv());
        String key = System.getenv("OPENAI_API_KEY");
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), uploads, new WarehouseSpecification.DuckDbFile(warehouse.toString()),
                CommandDefaults.duckDbSettings()), new EnvironmentSecretStore(System.getenv()), () -> {
                    if (key == null || key.isBlank()) {
                        throw new ModelUnavailableException("No model key: export OPENAI_API_KEY before duckstep serve", null);
                    }
                    return new ModelTask(new SqlAssistant(SqlAssistant.client(settings, key), settings));
                });
        try (PromptServer server = new PromptServer(tasks, port, Duration.ofSeconds(waitSeconds))) {
            new Progress(specification.commandLine().getErr()).step("serving POST http://127.0.0.1:" + server.port() + "/prompt (Ctrl-C stops)");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
