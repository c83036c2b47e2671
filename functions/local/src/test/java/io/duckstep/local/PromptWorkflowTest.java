package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.asl.ExecutionStatus;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.core.testing.TestingSecretStore;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.TestingOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * state-machines/prompt.asl.json through the local runner, the model being a scripted OpenAI-compatible server on
 * loopback and the data the real sample. Customer counts by Python's csv module: 1,179 in the history, 645 in December.
 */
class PromptWorkflowTest
{
    private static final String QUESTION = "How many customers are there in the historical data compared to the recent data?";

    @TempDir
    static Path directory;

    private static Path warehouse;
    private static Path upload;

    private TestingOpenAiServer model;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        warehouse = directory.resolve("warehouse.duckdb");
        new WarehouseLoader(new DuckDb(settings()), new TransactionsReader()).load(List.of(TestingProject.sampleCsv()), warehouse, false);
        upload = directory.resolve("uploads/december.csv");
        Files.createDirectories(upload.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + TestingProject.sampleCsv() + "') WHERE InvoiceDate < TIMESTAMP '2009-12-10') TO '" + upload
                    + "' (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
        }
    }

    @BeforeEach
    void startModel()
            throws Exception
    {
        model = new TestingOpenAiServer();
    }

    @AfterEach
    void stopModel()
    {
        model.close();
    }

    @Test
    void execute_toolCall_runsTheQueryAndTheResultReachesTheModel()
            throws Exception
    {
        model.reply(200, "tool-call.json").reply(200, "answer.json");

        JsonNode output = ask("happy");

        assertThat(output.path("answer").asText()).isEqualTo("The history has 1,179 customers and the recent upload 633.");
        assertThat(output.path("query").asText()).startsWith("SELECT (SELECT count(DISTINCT \"Customer ID\") FROM e_commerce.year_09_10)");
        assertThat(output.path("attempts").asInt()).isEqualTo(1);
        assertThat(model.requests()).hasSize(2);
        // the real result reached the model in the tool message: 1,179 historical and 645 recent customers
        JsonNode phrasing = new ObjectMapper().readTree(model.requests().get(1)).path("messages");
        assertThat(phrasing.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(phrasing.get(3).path("tool_call_id").asText()).isEqualTo("call_ujD0y1bWx8ZgSQ0fa1tIcpQh");
        assertThat(phrasing.get(3).path("content").asText()).isEqualTo("[{\"historical\":1179,\"recent\":645}]");
        // the model was told the schema read from DuckDB
        assertThat(new ObjectMapper().readTree(model.requests().get(0)).path("messages").get(0).path("content").asText())
                .contains("mydf(\"Invoice\" VARCHAR").contains("e_commerce.year_09_10(\"Invoice\" VARCHAR");
    }

    @Test
    void execute_noToolCall_answersWithNoQuery()
    {
        model.reply(200, "answer.json");

        JsonNode output = ask("words");

        assertThat(output.path("query").asText()).isEqualTo("No query.");
        assertThat(output.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void execute_sqlErrorThenCorrection_succeedsOnTheSecondAttempt()
            throws Exception
    {
        model.reply(200, "tool-call-wrong-column.json").reply(200, "tool-call-corrected.json").reply(200, "answer.json");

        JsonNode output = ask("corrected");

        assertThat(output.path("attempts").asInt()).isEqualTo(2);
        assertThat(output.path("query").asText()).isEqualTo("SELECT count(DISTINCT \"Customer ID\") AS customers FROM mydf");
        JsonNode retry = new ObjectMapper().readTree(model.requests().get(1)).path("messages");
        assertThat(retry.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(retry.get(3).path("content").asText()).contains("CustomerID");
        assertThat(new ObjectMapper().readTree(model.requests().get(2)).path("messages").get(3).path("content").asText()).isEqualTo("[{\"customers\":645}]");
    }

    @Test
    void execute_unknownFunctionHostileSqlAndMalformedArguments_exhaustTheAttempts()
    {
        model.reply(200, "unknown-function.json").reply(200, "tool-call-hostile.json").reply(200, "malformed-arguments.json");

        JsonNode output = ask("exhausted");

        assertThat(output.path("attempts").asInt()).isEqualTo(3);
        assertThat(output.path("answer").asText()).startsWith("No working query was found in 3 attempts");
        assertThat(output.path("lastError").asText()).startsWith("The arguments are not valid JSON");
        assertThat(model.requests()).hasSize(3);
    }

    @Test
    void prepareModelInBackground_beforeTheRun_buildsTheClientOnceOnItsOwnThread()
    {
        model.reply(200, "tool-call.json").reply(200, "answer.json");
        List<String> builtOn = new CopyOnWriteArrayList<>();
        LocalTasks tasks = tasks("background", () -> {
            builtOn.add(Thread.currentThread().getName());
            return modelTask();
        });

        tasks.prepareModelInBackground();
        JsonNode output = run(tasks, "background");

        assertThat(output.path("answer").asText()).isEqualTo("The history has 1,179 customers and the recent upload 633.");
        assertThat(builtOn).containsExactly("duckstep-model-client");
    }

    @Test
    void close_afterAQuestion_leavesNoSandboxWorkerBehind()
            throws Exception
    {
        model.reply(200, "tool-call.json").reply(200, "answer.json");
        Path work = directory.resolve("work-closed");
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(directory.resolve("runs-closed"), upload.getParent(), new WarehouseSpecification.DuckDbFile(warehouse.toString()),
                new DuckDbSettings("1GB", 2, work)), new TestingSecretStore(Map.of()), this::modelTask);
        tasks.prepareSandboxInBackground();
        run(tasks, "closed");

        tasks.close();

        // the spare started for a next query is stopped and its directory removed
        try (Stream<Path> workers = Files.list(work.resolve("sandbox"))) {
            assertThat(workers).isEmpty();
        }
    }

    private JsonNode ask(String name)
    {
        return run(tasks(name, this::modelTask), name);
    }

    private ModelTask modelTask()
    {
        return new ModelTask(model.assistant());
    }

    private static LocalTasks tasks(String name, Supplier<ModelTask> modelTask)
    {
        return new LocalTasks(new LocalConfiguration(directory.resolve("runs-" + name), upload.getParent(), new WarehouseSpecification.DuckDbFile(warehouse.toString()),
                settings()), new TestingSecretStore(Map.of()), modelTask);
    }

    private static JsonNode run(LocalTasks tasks, String name)
    {
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute("prompt", "prompt-" + name, JsonNodeFactory.instance.objectNode().put("prompt", QUESTION).put("upload", upload.toString()));
        assertThat(result.status()).as(result.error() + " " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return result.output().orElseThrow();
    }

    private static DuckDbSettings settings()
    {
        return new DuckDbSettings("1GB", 2, directory.resolve("work"));
    }
}
