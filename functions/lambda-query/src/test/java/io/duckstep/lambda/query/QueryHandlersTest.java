package io.duckstep.lambda.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.prompt.DescribeDataTask;
import io.duckstep.core.prompt.PromptQueryTask;
import io.duckstep.core.prompt.RejectedQueryException;
import io.duckstep.core.prompt.SandboxLimits;
import io.duckstep.core.prompt.SandboxedQueryRunner;
import io.duckstep.core.prompt.SqlGuard;
import io.duckstep.core.query.InputTables;
import io.duckstep.core.query.QueryTask;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.secrets.SecretUnavailableException;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.core.upload.LatestUploadTask;
import io.duckstep.core.upload.PrepareUploadTask;
import io.duckstep.core.upload.QuarantineTask;
import io.duckstep.lambda.support.TestingContext;
import io.duckstep.lambda.support.TestingStandardOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query package's handlers, driven by Step Functions task payloads (src/test/resources/events/) exactly as
 * the summary state machine sends them, over real DuckDB and local storage.
 */
class QueryHandlersTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static Path warehouse;
    private static Path upload;
    private static RunLayout layout;
    private static DuckDb duckDb;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        duckDb = new DuckDb(new DuckDbSettings("1GB", 2, directory.resolve("work")));
        warehouse = directory.resolve("warehouse/warehouse.duckdb");
        new WarehouseLoader(duckDb, new TransactionsReader()).load(List.of(TestingProject.sampleCsv()), warehouse, false);
        upload = directory.resolve("uploads/december.csv");
        Files.createDirectories(upload.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + TestingProject.sampleCsv() + "') WHERE InvoiceDate < TIMESTAMP '2009-12-10') TO '" + upload
                    + "' (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
        }
        layout = new RunLayout(new LocalFileStorage(), directory.resolve("runs").toString());
    }

    @Test
    void prepareUploadAndQuery_stepFunctionsPayloads_produceTheResultDescription()
            throws Exception
    {
        List<String> logs;
        try (TestingStandardOutput standardOutput = TestingStandardOutput.capture()) {
            TestingContext context = new TestingContext();
            JsonNode prepared = invoke(new PrepareUploadHandler(new PrepareUploadTask(duckDb, layout, new TransactionsReader())),
                    event("prepare-upload.json", "{{UPLOAD}}", upload.toString()), context);

            // 20,961 December rows, counted independently with Python's csv module
            assertThat(prepared.path("rowCount").asLong()).isEqualTo(20_961);
            assertThat(prepared.path("location").asText()).isEqualTo(directory.resolve("runs/duckstep-upload-2c1f0a9e/upload/mydf.parquet").toString());

            QueryTask queryTask = new QueryTask(duckDb, layout, new InputTables(layout.storage(), new TransactionsReader()),
                    new WarehouseAttacher(layout.storage(), secretName -> {
                        throw new SecretUnavailableException("no secrets in this test");
                    }), new WarehouseSpecification.DuckDbFile(warehouse.toString()));
            JsonNode result = invoke(new QueryHandler(queryTask), event("query-sales-trends.json", "{{PREPARED}}", prepared.path("location").asText()), context);

            // the oracle (functions/core/src/test/oracle/summary_oracle.py): 2,576 products, 72045D first
            assertThat(result.path("name").asText()).isEqualTo("sales_trends");
            assertThat(result.path("rowCount").asLong()).isEqualTo(2576);
            assertThat(result.path("location").asText()).isEqualTo(directory.resolve("runs/duckstep-upload-2c1f0a9e/results/sales_trends.parquet").toString());
            assertThat(result.path("preview").get(0).path("stock_code").asText()).isEqualTo("72045D");
            assertThat(JSON.writeValueAsString(result).length()).isLessThan(32 * 1024);
            logs = standardOutput.jsonLines();
        }
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"message\":\"upload validated\"").contains("\"execution_name\":\"duckstep-upload-2c1f0a9e\"")
                .contains("\"state\":\"PrepareUpload\"").contains("\"rows\":20961"));
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"message\":\"query finished\"").contains("\"execution_name\":\"duckstep-upload-2c1f0a9e\"")
                .contains("\"rows\":2576"));
        // the EMF documents CloudWatch turns into metrics
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"Namespace\":\"DuckStep\"").contains("\"RowsValidated\":20961"));
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"Namespace\":\"DuckStep\"").contains("\"QueryMilliseconds\":"));
    }

    @Test
    void prepareUpload_badUpload_throwsTheExceptionTheStateMachineCatches()
            throws Exception
    {
        Path bad = Files.writeString(directory.resolve("uploads-bad.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n1,A,x,1,2009-12-01 07:45:00,1,1,UK\n2,B,y,two,2009-12-01 07:45:00,1,1,UK\n");
        PrepareUploadHandler handler = new PrepareUploadHandler(new PrepareUploadTask(duckDb, layout, new TransactionsReader()));

        // Lambda reports this class's fully-qualified name as the error; summary.asl.json catches exactly that name
        assertThatThrownBy(() -> invoke(handler, event("prepare-upload.json", "{{UPLOAD}}", bad.toString()), new TestingContext()))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(bad + ", line 3, column 'Quantity': not an integer quantity: 'two'");
        assertThat(Files.readString(TestingProject.root().resolve("state-machines/summary.asl.json")))
                .contains("\"ErrorEquals\": [\n            \"io.duckstep.core.error.InvalidInputException\"");
    }

    @Test
    void quarantine_catchPayload_keepsTheUploadWithTheLambdaErrorMessage()
            throws Exception
    {
        JsonNode quarantined = invoke(new QuarantineHandler(new QuarantineTask(layout)), event("quarantine.json", "{{UPLOAD}}", upload.toString()), new TestingContext());

        Path reason = Path.of(quarantined.path("reasonLocation").asText());
        assertThat(JSON.readTree(reason.toFile()).path("reason").asText()).isEqualTo(upload + ", line 3, column 'Quantity': not an integer quantity: 'two'");
        assertThat(Path.of(quarantined.path("copy").asText())).hasSameTextualContentAs(upload);
    }

    @Test
    void latestUpload_emptyInput_returnsTheNewestUploadAsAString()
            throws Exception
    {
        JsonNode latest = invoke(new LatestUploadHandler(new LatestUploadTask(layout.storage(), upload.getParent().toString())),
                event("latest-upload.json", "", ""), new TestingContext());

        assertThat(latest.isTextual()).isTrue();
        assertThat(latest.asText()).isEqualTo(upload.toString());
    }

    @Test
    void promptQueryAndDescribe_stepFunctionsPayloads_runGuardedAndDescribeTheData()
            throws Exception
    {
        JsonNode prepared = invoke(new PrepareUploadHandler(new PrepareUploadTask(duckDb, layout, new TransactionsReader())),
                event("prepare-upload.json", "{{UPLOAD}}", upload.toString()), new TestingContext());
        SecretStore noSecrets = secretName -> {
            throw new SecretUnavailableException("no secrets in this test");
        };
        WarehouseAttacher attacher = new WarehouseAttacher(layout.storage(), noSecrets);
        WarehouseSpecification warehouseFile = new WarehouseSpecification.DuckDbFile(warehouse.toString());
        PromptQueryHandler queries = new PromptQueryHandler(new PromptQueryTask(layout.storage(), new SqlGuard(duckDb),
                new SandboxedQueryRunner(duckDb, layout.storage(), noSecrets, warehouseFile, SandboxLimits.of(duckDb.settings()))));

        JsonNode result = invoke(queries, event("prompt-query.json", "{{PREPARED}}", prepared.path("location").asText()), new TestingContext());
        JsonNode described = invoke(new DescribeDataHandler(new DescribeDataTask(duckDb, new InputTables(layout.storage(), new TransactionsReader()), attacher, warehouseFile)),
                event("describe-data.json", "{{PREPARED}}", prepared.path("location").asText()), new TestingContext());

        // 645 December customers, counted with Python's csv module
        assertThat(result.path("json").asText()).isEqualTo("[{\"customers\":645}]");
        assertThat(described.path("schema").asText()).contains("mydf(\"Invoice\" VARCHAR").contains("e_commerce.year_09_10(");
        List<String> logs;
        try (TestingStandardOutput standardOutput = TestingStandardOutput.capture()) {
            assertThatThrownBy(() -> invoke(queries, event("prompt-query-hostile.json", "{{PREPARED}}", prepared.path("location").asText()), new TestingContext()))
                    .isInstanceOf(RejectedQueryException.class);
            logs = standardOutput.jsonLines();
        }
        // the refusal is counted in the DuckStep namespace (EMF), once
        assertThat(logs).filteredOn(line -> line.contains("\"GuardRefusals\""))
                .singleElement().asString().contains("\"Namespace\":\"DuckStep\"").contains("\"GuardRefusals\":1");
        // and logged with the prompt run's execution name, which the definition passes as runId
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"message\":\"query refused by the guard\"")
                .contains("\"execution_name\":\"prompt-7f3a\"").contains("\"state\":\"RunQuery\""));
    }

    private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, InputStream event, TestingContext context)
            throws Exception
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(event, output, context);
        return JSON.readTree(output.toByteArray());
    }

    private static InputStream event(String name, String placeholder, String value)
            throws Exception
    {
        try (InputStream stream = QueryHandlersTest.class.getResourceAsStream("/events/" + name)) {
            String json = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new ByteArrayInputStream((placeholder.isEmpty() ? json : json.replace(placeholder, value)).getBytes(StandardCharsets.UTF_8));
        }
    }
}
