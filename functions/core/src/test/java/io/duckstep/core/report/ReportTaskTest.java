package io.duckstep.core.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.ColumnDescription;
import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.ChromiumRendering;
import io.duckstep.core.upload.PreparedUpload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTaskTest
{
    static final String HOSTILE_DESCRIPTION = "MUG </script><script>window.hacked=1</script> \"£\" {{DATA}}";

    @TempDir
    Path directory;

    private Path salesTrends;
    private Path priceElasticity;
    private Path customerSegmentation;

    @BeforeEach
    void setUp()
            throws Exception
    {
        salesTrends = directory.resolve("sales_trends.parquet");
        priceElasticity = directory.resolve("price_elasticity.parquet");
        customerSegmentation = directory.resolve("customer_segmentation.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES "
                    + "('11111', 'BIG RISE', 50.0, 10.0, 40.0), "
                    + "('22222', '" + HOSTILE_DESCRIPTION.replace("'", "''") + "', 12.0, 10.0, 2.0), "
                    + "('33333', 'BIG FALL', 1.0, 31.0, -30.0)) "
                    + "t(stock_code, description, recent_avg_quantity, historical_avg_quantity, avg_quantity_change)) TO '" + salesTrends + "' (FORMAT parquet)");
            statement.execute("COPY (SELECT * FROM (VALUES "
                    + "('11111', 'BIG RISE', 0.5, -0.5, 1.0), "
                    + "('33333', 'BIG FALL', NULL::DOUBLE, 0.2, NULL::DOUBLE)) "
                    + "t(stock_code, description, recent_elasticity, historical_elasticity, elasticity_change)) TO '" + priceElasticity + "' (FORMAT parquet)");
            statement.execute("COPY (SELECT * FROM (VALUES "
                    + "(17850, 3::BIGINT, 10::BIGINT, -7::BIGINT, 300.0, 1200.0, -900.0, 25.0), "
                    + "(12346, 1::BIGINT, 1::BIGINT, 0::BIGINT, 50.0, 50.0, 0.0, 100.0)) "
                    + "t(customer_id, recent_transactions, historical_transactions, transactions_change, recent_spend, historical_spend, spend_change, recent_spend_percentage)) TO '"
                    + customerSegmentation + "' (FORMAT parquet)");
        }
    }

    @Test
    void run_threeResults_publishesOneSelfContainedPage()
            throws Exception
    {
        ReportOutput output = task().run(request(salesTrends));

        Path page = Path.of(output.location());
        assertThat(output.location()).isEqualTo(directory.resolve("runs/run-1/report.html").toString());
        assertThat(Files.size(page)).isEqualTo(output.bytes());
        String html = Files.readString(page);
        // Chart.js is inlined (its banner), and nothing is fetched from the network when the page is viewed
        assertThat(html).contains("Chart.js v4.4.3");
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
        assertThat(html).contains("id=\"chart-quantity\"", "id=\"chart-elasticity\"", "id=\"chart-transactions\"", "id=\"chart-spend\"");
        assertThat(html).contains("SELECT 1 AS sales_trends_sql");
        assertThat(html).contains("Online Retail II, UCI Machine Learning Repository (Chen, D., 2012), CC BY 4.0");
    }

    @Test
    void run_hostileDescription_cannotBreakOutOfTheDataScript()
            throws Exception
    {
        String html = Files.readString(Path.of(task().run(request(salesTrends)).location()));

        assertThat(html).doesNotContain("</script><script>window.hacked");
        assertThat(html).contains("MUG \\u003c/script\\u003e\\u003cscript\\u003ewindow.hacked=1\\u003c/script\\u003e");
        // the one-pass template keeps a description that looks like a placeholder as text
        assertThat(html).contains("{{DATA}}");
    }

    @Test
    void run_headlines_nameTheLargestChangesByHand()
    {
        ReportOutput output = task().run(request(salesTrends));

        assertThat(output.headlines()).containsExactly(
                "Largest rise in average quantity per order line: BIG RISE (11111), 10.0 historically, 50.0 in the upload.",
                "Largest change in price elasticity: BIG RISE (11111), correlation of price and quantity -0.50 historically, 0.50 in the upload.",
                "Largest change in spend: customer 17850, 300.00 in the upload against 1,200.00 historically.");
    }

    @Test
    void run_inputsAndTimings_appearInTheRunSection()
            throws Exception
    {
        String html = Files.readString(Path.of(task().run(request(salesTrends)).location()));

        assertThat(html).contains("<td>uploads/recent.csv</td><td>1.5 KiB (1,536 bytes)</td><td>3</td>");
        assertThat(html).contains("<td>sales_trends</td><td>1.23 s</td>");
    }

    @Test
    void run_emptyResult_showsANoRowsMessageInsteadOfAChart()
            throws Exception
    {
        Path empty = directory.resolve("empty.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet('" + salesTrends + "') LIMIT 0) TO '" + empty + "' (FORMAT parquet)");
        }

        ReportOutput output = task().run(request(empty));

        assertThat(output.headlines()).hasSize(2);
        Path page = Path.of(output.location());
        ChromiumRendering rendering = ChromiumRendering.render(page);
        assertThat(rendering.dom()).contains("No rows to chart: the query returned no data for this view.");
        assertThat(rendering.chartsRendered()).isEqualTo(4);
        assertThat(rendering.errors()).isZero();
    }

    @Test
    void run_missingResult_isRefusedWithTheNames()
    {
        ReportRequest request = new ReportRequest("run-1", upload(), List.of(output("sales_trends", salesTrends)));

        assertThatThrownBy(() -> task().run(request))
                .isInstanceOf(ReportException.class)
                .hasMessage("The report needs the result of query 'price_elasticity'; it was given [sales_trends]");
    }

    @Test
    void run_pageInHeadlessChromium_rendersFourChartsWithoutErrors()
    {
        ReportOutput output = task().run(request(salesTrends));

        ChromiumRendering rendering = ChromiumRendering.render(Path.of(output.location()));

        assertThat(rendering.chartsRendered()).isEqualTo(4);
        assertThat(rendering.dom()).contains("data-rendered=\"true\"").doesNotContain("window.hacked=1;");
        assertThat(rendering.errors()).isZero();
        assertThat(rendering.dom()).contains("<canvas");
    }

    @Test
    void chromiumRendering_pageWithAScriptError_isDetected()
            throws Exception
    {
        // guards the guard: the error counter the rendering test relies on does count errors
        String html = Files.readString(Path.of(task().run(request(salesTrends)).location()))
                .replace("<body data-charts-rendered=\"0\">", "<body data-charts-rendered=\"0\"><script>undefinedFunction();</script><script>console.error('boom');</script>");
        Path broken = Files.writeString(directory.resolve("broken.html"), html);

        assertThat(ChromiumRendering.render(broken).errors()).isEqualTo(2);
    }

    private ReportTask task()
    {
        LocalFileStorage storage = new LocalFileStorage();
        return new ReportTask(new DuckDb(new DuckDbSettings("500MB", 1, directory.resolve("work"))),
                new RunLayout(storage, directory.resolve("runs").toString()), new WarehouseSpecification.None());
    }

    private ReportRequest request(Path salesTrendsResult)
    {
        return new ReportRequest("run-1", upload(), List.of(
                output("sales_trends", salesTrendsResult),
                output("price_elasticity", priceElasticity),
                output("customer_segmentation", customerSegmentation)));
    }

    private static PreparedUpload upload()
    {
        return new PreparedUpload("mydf", "uploads/recent.csv", 1536, "runs/run-1/upload/mydf.parquet", 3, "UTF-8", List.of(), 42);
    }

    private static QueryOutput output(String name, Path location)
    {
        return new QueryOutput(name, location.toString(), 3, List.of(new ColumnDescription("x", "DOUBLE")), JsonNodeFactory.instance.arrayNode(),
                1234, "SELECT 1 AS " + name + "_sql");
    }
}
