package io.duckstep.local.cli;

import io.duckstep.local.LocalTasks;
import io.duckstep.local.PromptServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(
        name = "serve",
        description = {
                "Serve POST /prompt on 127.0.0.1 with the AWS endpoint's contract: {\"prompt\": \"...\"} in,",
                "{answer, query, attempts} out; 400 for a bad request; 202 with an id for a slow question, then GET /prompt/<id>.",
                "Only Host localhost or 127.0.0.1, Content-Type application/json, bodies up to 64 KB, and an upload under --uploads.",
                "Example: curl -s localhost:8080/prompt -H 'Content-Type: application/json' -d '{\"prompt\": \"Which country buys the most?\"}'"
        })
final class ServeCommand
        extends HelpOptions
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Option(names = "--port", defaultValue = "8080", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    PromptOptions options;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "25", description = "how long a request waits before answering 202 (default: ${DEFAULT-VALUE})")
    long waitSeconds;

    @Override
    public Integer call()
            throws Exception
    {
        LocalTasks tasks = options.tasks(true);
        tasks.prepareModelInBackground();
        tasks.prepareSandboxInBackground();
        // Ctrl-C: the sandbox's spare worker is stopped and its directory removed, not left behind
        Runtime.getRuntime().addShutdownHook(new Thread(tasks::close, "duckstep-serve-stop"));
        try (PromptServer server = new PromptServer(tasks, port, Duration.ofSeconds(waitSeconds))) {
            new Progress(specification.commandLine().getErr()).step("serving POST http://127.0.0.1:" + server.port() + "/prompt (Ctrl-C stops)");
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
