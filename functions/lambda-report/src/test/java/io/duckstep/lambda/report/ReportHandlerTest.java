package io.duckstep.lambda.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.aws.DuckDbPriming;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.report.ReportTask;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.lambda.support.TestingContext;
import io.duckstep.lambda.support.TestingStandardOutput;
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

class ReportHandlerTest
{
    @TempDir
    Path directory;

    @Test
    void handleRequest_parallelStateOutput_publishesTheReportAndReturnsHeadlines()
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES ('11111', 'RISING MUG', 9.0, 3.0, 6.0), ('22222', 'FALLING JUG', 1.0, 4.0, -3.0)) "
                    + "t(stock_code, description, recent_avg_quantity, historical_avg_quantity, avg_quantity_change)) TO '" + directory.resolve("sales_trends.parquet") + "'");
            statement.execute("COPY (SELECT * FROM (VALUES ('11111', 'RISING MUG', -0.5, 0.25, -0.75)) "
                    + "t(stock_code, description, recent_elasticity, historical_elasticity, elasticity_change)) TO '" + directory.resolve("price_elasticity.parquet") + "'");
            statement.execute("COPY (SELECT * FROM (VALUES (12345, 2::BIGINT, 5::BIGINT, -3::BIGINT, 10.0, 40.0, -30.0, 25.0)) "
                    + "t(customer_id, recent_transactions, historical_transactions, transactions_change, recent_spend, historical_spend, spend_change, recent_spend_percentage)) TO '"
                    + directory.resolve("customer_segmentation.parquet") + "'");
        }
        DuckDb duckDb = new DuckDb(new DuckDbSettings("500MB", 1, directory.resolve("work")));
        ReportHandler handler = new ReportHandler(new ReportTask(duckDb, new RunLayout(new LocalFileStorage(), directory.resolve("runs").toString()),
                new WarehouseSpecification.None()));
        TestingContext context = new TestingContext();

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> logs;
        try (TestingStandardOutput standardOutput = TestingStandardOutput.capture()) {
            handler.handleRequest(event(), output, context);
            logs = standardOutput.jsonLines();
        }
        JsonNode report = new ObjectMapper().readTree(output.toByteArray());

        Path page = directory.resolve("runs/duckstep-upload-2c1f0a9e/report.html");
        assertThat(report.path("location").asText()).isEqualTo(page.toString());
        assertThat(report.path("bytes").asLong()).isEqualTo(Files.size(page));
        assertThat(report.path("headlines").get(0).asText())
                .isEqualTo("Largest rise in average quantity per order line: RISING MUG (11111), 3.0 historically, 9.0 in the upload.");
        assertThat(Files.readString(page)).contains("s3://duckstep-data/uploads/online_retail_2009-12.csv").contains("(20,961 rows)");
        assertThat(logs).anySatisfy(line -> assertThat(line).contains("\"message\":\"report published\"")
                .contains("\"execution_name\":\"duckstep-upload-2c1f0a9e\"").contains("\"state\":\"BuildReport\"").contains("\"function_request_id\":"));
    }

    @Test
    void prime_beforeSnapshot_runsDuckDbWithoutWarehouseOrSecrets()
            throws Exception
    {
        DuckDb duckDb = new DuckDb(new DuckDbSettings("200MB", 1, directory.resolve("prime")));

        DuckDbPriming.create(duckDb).prime();

        // priming cleans up after itself: nothing of it is left in the snapshot's /tmp
        try (var files = Files.walk(directory.resolve("prime"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private InputStream event()
            throws Exception
    {
        try (InputStream stream = ReportHandlerTest.class.getResourceAsStream("/events/build-report.json")) {
            String json = new String(stream.readAllBytes(), StandardCharsets.UTF_8).replace("{{DIR}}", directory.toString());
            return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
