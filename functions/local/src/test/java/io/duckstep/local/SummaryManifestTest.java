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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing partial: every summary run ends with {@code runs/<run>/manifest.json}; a succeeded run's manifest lists
 * exactly the files it published, with checksums computed here independently; a failed run's says FAILED and
 * why, and none of its result files remain.
 */
class SummaryManifestTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void execute_realSample_manifestListsExactlyTheResultsAndReportWithTheirChecksums()
            throws Exception
    {
        Path runs = directory.resolve("succeeded");
        ExecutionResult result = run(runs, "good-run", upload, definition());

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        Path run = runs.resolve("good-run");
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("manifestVersion").asInt()).isEqualTo(1);
        assertThat(manifest.path("runId").asText()).isEqualTo("good-run");
        assertThat(manifest.path("workflow").asText()).isEqualTo("summary");
        assertThat(manifest.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(manifest.path("error").isNull()).isTrue();
        assertThat(manifest.path("finishedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(manifest.path("inputs")).singleElement().satisfies(input -> {
            assertThat(input.path("name").asText()).isEqualTo("upload");
            assertThat(input.path("location").asText()).isEqualTo(upload.toString());
            assertThat(input.path("size").asLong()).isEqualTo(Files.size(upload));
            assertThat(input.path("sha256").asText()).isEqualTo(sha256(upload));
        });
        assertThat(manifest.path("warehouse").path("provider").asText()).isEqualTo("duckdb");
        assertThat(manifest.path("warehouse").path("location").asText()).isEqualTo(warehouse.toString());
        assertThat(manifest.path("warehouse").path("sha256").asText()).isEqualTo(sha256(warehouse));
        assertThat(manifest.path("definition").path("name").asText()).isEqualTo("summary");
        assertThat(manifest.path("definition").path("sha256").asText())
                .isEqualTo(sha256(TestingProject.root().resolve("state-machines/summary.asl.json")));

        // the three results, in branch order, with the oracle's row counts (functions/core/src/test/oracle/summary_oracle.py)
        List<String> names = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (JsonNode published : manifest.path("results")) {
            names.add(published.path("name").asText());
            rows.add(published.path("rows").asLong());
            Path file = Path.of(published.path("location").asText());
            assertThat(file).isEqualTo(run.resolve("results/" + published.path("name").asText() + ".parquet"));
            assertThat(published.path("size").asLong()).isEqualTo(Files.size(file));
            assertThat(published.path("sha256").asText()).isEqualTo(sha256(file));
            assertThat(published.path("columns")).isNotEmpty();
        }
        assertThat(names).containsExactly("sales_trends", "price_elasticity", "customer_segmentation");
        assertThat(rows).containsExactly(2576L, 2576L, 1179L);
        Path report = Path.of(manifest.path("report").path("location").asText());
        assertThat(report).isEqualTo(run.resolve("report.html"));
        assertThat(manifest.path("report").path("sha256").asText()).isEqualTo(sha256(report));
        assertThat(manifest.path("report").path("size").asLong()).isEqualTo(Files.size(report));

        // and nothing else was published: every file of the run is the manifest, the validated upload, a result or the report
        assertThat(files(run)).containsExactlyInAnyOrder("manifest.json", "history.json", "upload/mydf.parquet", "report.html",
                "results/sales_trends.parquet", "results/price_elasticity.parquet", "results/customer_segmentation.parquet");
        assertThat(result.output().orElseThrow().path("manifest").asText()).isEqualTo(run.resolve("manifest.json").toString());
    }

    @Test
    void execute_quarantinedUpload_writesAFailedManifestAndNoResults()
            throws Exception
    {
        Path bad = Files.writeString(directory.resolve("bad-upload.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "1,A,x,1,2009-12-01 07:45:00,1.0,1,UK\n2,B,y,two,2009-12-01 07:46:00,1.5,2,UK\n");
        Path runs = directory.resolve("quarantined");

        ExecutionResult result = run(runs, "bad-run", bad, definition());

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).hasValue("io.duckstep.core.error.InvalidInputException");
        Path run = runs.resolve("bad-run");
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("error").path("error").asText()).isEqualTo("io.duckstep.core.error.InvalidInputException");
        assertThat(manifest.path("error").path("cause").asText()).isEqualTo(bad + ", line 3, column 'Quantity': not an integer quantity: 'two'");
        assertThat(manifest.path("error").path("quarantine").asText()).isEqualTo(run.resolve("quarantine/bad-upload.csv").toString());
        assertThat(manifest.path("inputs")).singleElement().satisfies(input -> assertThat(input.path("location").asText()).isEqualTo(bad.toString()));
        assertThat(manifest.path("results")).isEmpty();
        assertThat(manifest.path("report").isNull()).isTrue();
        assertThat(files(run)).containsExactlyInAnyOrder("manifest.json", "history.json", "quarantine/bad-upload.csv", "quarantine/reason.json");
    }

    @Test
    void execute_failingQuery_removesTheOtherResultsAndWritesAFailedManifest()
            throws Exception
    {
        // the third branch runs SQL that fails in DuckDB at run time, while the other two publish their results
        String definition = definition().replace("\"query\": \"customer_segmentation\"", "\"sql\": \"SELECT CAST(Description AS INTEGER) AS broken FROM mydf\"");
        assertThat(definition).isNotEqualTo(definition());
        Path runs = directory.resolve("failing-query");

        ExecutionResult result = run(runs, "failing-run", upload, definition);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        Path run = runs.resolve("failing-run");
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("status").asText()).isEqualTo("FAILED");
        assertThat(manifest.path("error").path("error").asText()).isEqualTo(result.error().orElseThrow());
        assertThat(manifest.path("error").path("cause").asText()).contains("Conversion Error");
        assertThat(manifest.path("error").path("quarantine").isNull()).isTrue();
        assertThat(manifest.path("inputs")).singleElement().satisfies(input -> assertThat(input.path("sha256").asText()).isEqualTo(sha256(upload)));
        assertThat(manifest.path("results")).isEmpty();
        assertThat(manifest.path("report").isNull()).isTrue();
        assertThat(manifest.path("definition").path("sha256").asText()).isEqualTo(sha256(definition.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // the two results published before the failure are gone, and so is the validated upload
        // the run's history (inspect reads it) stays too
        assertThat(files(run)).containsExactlyInAnyOrder("manifest.json", "history.json");
    }

    private static ExecutionResult run(Path runs, String runId, Path upload, String definition)
    {
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(runs, directory.resolve("uploads"), new WarehouseSpecification.DuckDbFile(warehouse.toString()), settings()));
        return new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, definition, runId, JsonNodeFactory.instance.objectNode().put("upload", upload.toString()));
    }

    private static String definition()
            throws Exception
    {
        return Files.readString(TestingProject.root().resolve("state-machines/summary.asl.json"));
    }

    private static List<String> files(Path run)
            throws Exception
    {
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(Files::isRegularFile).map(file -> run.relativize(file).toString()).toList();
        }
    }

    private static String sha256(Path file)
            throws Exception
    {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes)
            throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static DuckDbSettings settings()
    {
        return new DuckDbSettings("1GB", 2, directory.resolve("work"));
    }
}
