package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.asl.ExecutionStatus;
import io.duckstep.asl.LocalStateMachineRunner;
import io.duckstep.asl.StateMachine;
import io.duckstep.asl.TaskHandler;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * state-machines/summary.asl.json, unchanged, through the local runner on the real sample. Row counts come
 * from the independent oracle (functions/core/src/test/oracle/summary_oracle.py).
 */
class SummaryWorkflowTest
{
    @TempDir
    static Path directory;

    private static Path warehouse;
    private static Path upload;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        Path sample = TestingProject.sampleCsv();
        warehouse = directory.resolve("warehouse.duckdb");
        new WarehouseLoader(new DuckDb(settings()), new TransactionsReader()).load(List.of(sample), warehouse, false);
        upload = directory.resolve("uploads/december.csv");
        Files.createDirectories(upload.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + sample + "') WHERE InvoiceDate < TIMESTAMP '2009-12-10') TO '" + upload
                    + "' (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
        }
    }

    @Test
    void execute_realSample_succeedsWithThreeResultsAndAReport()
            throws Exception
    {
        LocalTasks tasks = tasks("runs");
        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, "demo-run", JsonNodeFactory.instance.objectNode().put("upload", upload.toString()));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = result.output().orElseThrow();
        assertThat(output.path("runId").asText()).isEqualTo("demo-run");
        assertThat(output.path("uploadRows").asLong()).isEqualTo(20_961);
        assertThat(Path.of(output.path("report").asText())).exists().isEqualTo(directory.resolve("runs/demo-run/report.html"));
        assertThat(output.path("headlines")).hasSize(3);
        // oracle: 2,576 products in both periods for the two product queries, 1,179 customers
        assertThat(rows(output.path("results").path("salesTrends").asText())).isEqualTo(2576);
        assertThat(rows(output.path("results").path("priceElasticity").asText())).isEqualTo(2576);
        assertThat(rows(output.path("results").path("customerSegmentation").asText())).isEqualTo(1179);
        // the output is references, not data
        assertThat(new ObjectMapper().writeValueAsString(output).length()).isLessThan(4096);
    }

    @Test
    void execute_realSample_runsTheThreeQueriesConcurrently()
    {
        Map<String, Instant> entered = new ConcurrentHashMap<>();
        Map<String, Instant> exited = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        ExecutionListener listener = new ExecutionListener()
        {
            @Override
            public void stateEntered(String stateName)
            {
                if (List.of("SalesTrends", "PriceElasticity", "CustomerSegmentation").contains(stateName)) {
                    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void stateExited(String stateName, java.time.Duration elapsed)
            {
                if (List.of("SalesTrends", "PriceElasticity", "CustomerSegmentation").contains(stateName)) {
                    running.decrementAndGet();
                }
            }
        };

        ExecutionResult result = new LocalWorkflows(tasks("concurrent"), listener)
                .execute(StateMachines.SUMMARY, "parallel-run", JsonNodeFactory.instance.objectNode().put("upload", upload.toString()));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // all three were entered before any of them finished: Parallel really runs its branches at once
        assertThat(mostRunning.get()).isEqualTo(3);
    }

    @Test
    void execute_badUpload_failsAndQuarantinesItWithTheReason()
            throws Exception
    {
        Path bad = Files.writeString(directory.resolve("bad-upload.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "1,A,x,1,2009-12-01 07:45:00,1.0,1,UK\n2,B,y,two,2009-12-01 07:46:00,1.5,2,UK\n");

        ExecutionResult result = new LocalWorkflows(tasks("quarantine"), ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, "bad-run", JsonNodeFactory.instance.objectNode().put("upload", bad.toString()));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).hasValue("io.duckstep.core.error.InvalidInputException");
        assertThat(result.cause().orElseThrow()).contains("line 3, column 'Quantity'");
        Path quarantine = directory.resolve("quarantine/bad-run/quarantine");
        assertThat(Files.readString(quarantine.resolve("bad-upload.csv"))).isEqualTo(Files.readString(bad));
        JsonNode reason = new ObjectMapper().readTree(quarantine.resolve("reason.json").toFile());
        assertThat(reason.path("reason").asText()).isEqualTo(bad + ", line 3, column 'Quantity': not an integer quantity: 'two'");
        assertThat(reason.path("error").asText()).isEqualTo("io.duckstep.core.error.InvalidInputException");
        assertThat(bad).exists();
        // nothing was published as if the run had completed
        assertThat(directory.resolve("quarantine/bad-run/report.html")).doesNotExist();
        assertThat(directory.resolve("quarantine/bad-run/results")).doesNotExist();
    }

    @Test
    void execute_uploadWithNotANumberPrice_isQuarantinedBeforeAnyQueryAndPublishesNothing()
            throws Exception
    {
        Path bad = Files.writeString(directory.resolve("nan-upload.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "1,A,x,1,2009-12-01 07:45:00,1.0,1,UK\n2,B,y,2,2009-12-01 07:46:00,NaN,2,UK\n");

        ExecutionResult result = new LocalWorkflows(tasks("nan"), ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, "nan-run", JsonNodeFactory.instance.objectNode().put("upload", bad.toString()));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).hasValue("io.duckstep.core.error.InvalidInputException");
        assertThat(result.cause().orElseThrow()).contains("line 3, column 'Price': not a finite number: 'NaN'");
        assertThat(directory.resolve("nan/nan-run/quarantine/reason.json")).exists();
        // no query ran: no result file and no report under the run, only the quarantine and the FAILED manifest
        try (var files = Files.walk(directory.resolve("nan/nan-run"))) {
            assertThat(files.filter(Files::isRegularFile).map(path -> directory.resolve("nan/nan-run").relativize(path).toString()))
                    .containsExactlyInAnyOrder("quarantine/nan-upload.csv", "quarantine/reason.json", "manifest.json", "history.json");
        }
    }

    @Test
    void execute_validUploadWithATinyMemoryLimit_isRetriedAsAFaultAndNeverQuarantined()
            throws Exception
    {
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(directory.resolve("tiny"), directory.resolve("uploads"),
                new WarehouseSpecification.DuckDbFile(warehouse.toString()), new DuckDbSettings("1MB", 1, directory.resolve("tiny-work"))));
        AtomicInteger prepareAttempts = new AtomicInteger();
        Map<String, TaskHandler> handlers = new HashMap<>(tasks.handlers());
        TaskHandler prepare = handlers.get(LocalTasks.PREPARE_UPLOAD_FUNCTION);
        handlers.put(LocalTasks.PREPARE_UPLOAD_FUNCTION, input -> {
            prepareAttempts.incrementAndGet();
            return prepare.handle(input);
        });
        List<Duration> waits = new CopyOnWriteArrayList<>();
        LocalStateMachineRunner runner = LocalStateMachineRunner.builder()
                .stateMachine(StateMachine.parse(StateMachines.SUMMARY, StateMachines.definition(StateMachines.SUMMARY), tasks.substitutions(), handlers.keySet()))
                .handlers(handlers)
                .sleeper(waits::add)
                .build();

        ExecutionResult result = runner.execute("tiny-run", JsonNodeFactory.instance.objectNode().put("upload", upload.toString()));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).hasValue("io.duckstep.core.error.ValidationFaultException");
        assertThat(result.cause().orElseThrow()).contains("ran out of memory").contains("raise DUCKSTEP_MEMORY_LIMIT");
        // the state machine's retrier for faults: two retries after 1 s and 2 s, then the run fails
        assertThat(prepareAttempts.get()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        // a fault is not bad data: nothing quarantined, the upload untouched
        assertThat(directory.resolve("tiny/tiny-run/quarantine")).doesNotExist();
        assertThat(result.history()).noneMatch(event -> event.stateName().equals(java.util.Optional.of("QuarantineUpload")));
        assertThat(upload).exists();
    }

    @Test
    void prepareUpload_latin1Upload_saysSoInItsResult()
            throws Exception
    {
        Path latin1 = Files.write(directory.resolve("latin1-upload.csv"),
                ("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "1,A,x,1,2009-12-01 07:45:00,1.0,1,UK\n2,B,caf\u00e9,2,2009-12-01 07:46:00,1.5,2,UK\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        JsonNode prepared = tasks("latin1").handlers().get(LocalTasks.PREPARE_UPLOAD_FUNCTION)
                .handle(JsonNodeFactory.instance.objectNode().put("runId", "latin1-run").put("upload", latin1.toString()));

        assertThat(prepared.path("rowCount").asLong()).isEqualTo(2);
        assertThat(prepared.path("encoding").asText()).isEqualTo("ISO-8859-1");
        assertThat(prepared.path("notes").get(0).asText()).isEqualTo(latin1 + ": not valid UTF-8 (first at line 3): read as Latin-1 (ISO-8859-1)");
    }

    @Test
    void execute_emptyInput_takesTheLatestUpload()
            throws Exception
    {
        Path uploads = directory.resolve("latest-uploads");
        Files.createDirectories(uploads);
        Path older = Files.copy(upload, uploads.resolve("older.csv"));
        Path newer = Files.copy(upload, uploads.resolve("newer.csv"));
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(directory.resolve("latest"), uploads, new WarehouseSpecification.DuckDbFile(warehouse.toString()), settings()));

        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, "latest-run", JsonNodeFactory.instance.objectNode());

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().orElseThrow().path("upload").asText()).isEqualTo(newer.toString());
    }

    private static LocalTasks tasks(String runs)
    {
        return new LocalTasks(new LocalConfiguration(directory.resolve(runs), directory.resolve("uploads"),
                new WarehouseSpecification.DuckDbFile(warehouse.toString()), settings()));
    }

    private static DuckDbSettings settings()
    {
        return new DuckDbSettings("1GB", 2, directory.resolve("work"));
    }

    private static long rows(String parquet)
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet('" + parquet + "')")) {
            count.next();
            return count.getLong(1);
        }
    }
}
