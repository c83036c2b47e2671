package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.local.runs.TestingManifests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duckstep runs} and {@code duckstep inspect} on two real summary runs of the sample, one that
 * succeeds and one on a bad upload, with manifests written as the run manifest contract says.
 */
class RunsAndInspectCommandTest
{
    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";

    @TempDir
    static Path directory;

    private static Path output;
    private static Path runs;
    private static String goodRun;
    private static String badRun;
    private static Path goodUpload;
    private static Path badUpload;
    private static String goodProgress;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        Path sample = TestingProject.sampleCsv();
        Path warehouse = directory.resolve("warehouse.duckdb");
        new WarehouseLoader(new DuckDb(new DuckDbSettings("1GB", 2, directory.resolve("work"))), new TransactionsReader()).load(List.of(sample), warehouse, false);
        goodUpload = directory.resolve("uploads/early-december.csv");
        Files.createDirectories(goodUpload.getParent());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + sample + "') WHERE InvoiceDate < TIMESTAMP '2009-12-03') TO '" + goodUpload
                    + "' (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
        }
        badUpload = Files.writeString(directory.resolve("uploads/bad.csv"), HEADER + "1,A,x,1,2009-12-01 07:45:00,1,1,UK\n2,B,y,1,yesterday,1,1,UK\n");
        output = directory.resolve("out");
        runs = output.resolve("runs");
        CommandResult good = CommandResult.run("run", "summary", "--recent", goodUpload.toString(), "--warehouse", warehouse.toString(), "--output", output.toString());
        assertThat(good.code()).as(good.err()).isZero();
        goodRun = onlyRun();
        goodProgress = good.err();
        CommandResult bad = CommandResult.run("run", "summary", "--recent", badUpload.toString(), "--warehouse", warehouse.toString(), "--output", output.toString());
        assertThat(bad.code()).isEqualTo(1);
        badRun = runIds().filter(id -> !id.equals(goodRun)).findFirst().orElseThrow();
        TestingManifests.write(runs.resolve(goodRun), TestingManifests.succeeded(goodRun, goodUpload.toString(), Files.size(goodUpload), "aa".repeat(32),
                warehouse.toString(), "bb".repeat(32), "cc".repeat(32), "sales_trends", runs.resolve(goodRun).resolve("results/sales_trends.parquet").toString(), 1234,
                runs.resolve(goodRun).resolve("report.html").toString()));
        TestingManifests.write(runs.resolve(badRun), TestingManifests.failed(badRun, badUpload.toString(), "io.duckstep.core.error.InvalidInputException",
                badUpload + ", line 3, column 'InvoiceDate': not a date and time: 'yesterday'", runs.resolve(badRun).resolve("quarantine/bad.csv").toString()));
    }

    @Test
    void runs_twoRuns_listsNewestFirstWithStatusUploadRowsAndReport()
    {
        CommandResult result = CommandResult.run("runs", "--output", output.toString());

        assertThat(result.code()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("RUN").contains("WORKFLOW", "STATUS", "UPLOAD", "ROWS", "DURATION", "REPORT");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(badRun).contains("summary", "FAILED", badUpload.toString());
        // the upload's rows: the sample's lines before 3 December 2009, counted by the summary itself (uploadRows)
        assertThat(lines.get(2)).startsWith(goodRun).contains("SUCCEEDED", goodUpload.toString(), runs.resolve(goodRun).resolve("report.html").toString());
    }

    @Test
    void runs_statusAndLimit_filterTheList()
    {
        CommandResult failed = CommandResult.run("runs", "--output", output.toString(), "--status", "failed");
        CommandResult one = CommandResult.run("runs", "--output", output.toString(), "--limit", "1");

        assertThat(failed.out().lines().skip(1)).singleElement().asString().startsWith(badRun);
        assertThat(one.out().lines().skip(1)).singleElement().asString().startsWith(badRun);
    }

    @Test
    void runs_json_printsOneObjectPerRunForScripts()
            throws Exception
    {
        CommandResult result = CommandResult.run("runs", "--output", output.toString(), "--json");

        JsonNode array = JsonMapper.builder().build().readTree(result.out());
        assertThat(array).hasSize(2);
        assertThat(array.get(1).path("runId").asText()).isEqualTo(goodRun);
        assertThat(array.get(1).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(array.get(1).path("upload").asText()).isEqualTo(goodUpload.toString());
        assertThat(array.get(1).path("rows").asLong()).isEqualTo(uploadRows());
        assertThat(array.get(1).path("durationMilliseconds").isNumber()).isTrue();
        assertThat(array.get(0).path("report").isNull()).isTrue();
    }

    @Test
    void runs_runWithoutManifest_isIncompleteAndRunningOneIsRunning()
            throws Exception
    {
        Path other = Files.createDirectories(directory.resolve("other/runs"));
        Files.createDirectories(other.resolve("stopped"));
        copyHistory(goodRun, other.resolve("stopped"));
        Path running = Files.createDirectories(other.resolve("running"));
        Files.writeString(running.resolve("history.json"), "{\"runId\": \"running\", \"stateMachine\": \"summary\", \"status\": \"RUNNING\", \"startedAt\": \"2030-01-01T00:00:00Z\", \"input\": {}, \"events\": []}");

        CommandResult result = CommandResult.run("runs", "--output", directory.resolve("other").toString());

        assertThat(result.out().lines().skip(1)).satisfiesExactly(
                line -> assertThat(line).startsWith("running").contains("RUNNING"),
                line -> assertThat(line).startsWith("stopped").contains("INCOMPLETE"));
    }

    @Test
    void runs_noRuns_saysSo()
    {
        CommandResult result = CommandResult.run("runs", "--output", directory.resolve("nothing").toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("no runs in " + directory.resolve("nothing/runs"));
    }

    @Test
    void inspect_succeededRun_printsStatesInOrderRowsSqlAndLineage()
    {
        CommandResult result = CommandResult.run("inspect", goodRun, "--output", output.toString(), "--rows", "2");

        assertThat(result.code()).as(result.err()).isZero();
        String out = result.out();
        assertThat(out).contains("status      SUCCEEDED")
                .contains("upload      " + goodUpload + ", ")
                .contains("sha256 " + "aa".repeat(32))
                .contains("warehouse   DuckDB file " + directory.resolve("warehouse.duckdb") + " (sha256 " + "bb".repeat(32) + ")")
                .contains("definition  summary.asl.json, sha256 " + "cc".repeat(32));
        List<String> stateLines = out.lines().filter(line -> line.matches("  \\S.*(SUCCEEDED|FAILED|RUNNING).*")).map(line -> line.strip().split("\\s+")[0]).toList();
        assertThat(stateLines).startsWith("HasUpload", "PrepareUpload", "RunQueries").endsWith("BuildReport", "WriteManifest", "Summarize")
                .contains("SalesTrends", "PriceElasticity", "CustomerSegmentation");
        assertThat(out).contains("    input   {\"upload\":\"" + goodUpload + "\"}");
        // the manifest's one result, with its first two rows under the header
        assertThat(out).contains("  sales_trends: 1,234 rows, " + runs.resolve(goodRun).resolve("results/sales_trends.parquet"));
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("    stock_code  description")).findFirst().orElseThrow());
        assertThat(lines.get(header + 1)).matches("    [0-9]{5}[A-Z]*\\s+.*");
        assertThat(lines.get(header + 2)).matches("    [0-9]{5}[A-Z]*\\s+.*");
        assertThat(lines.get(header + 3)).doesNotMatch("    [0-9]{5}.*");
        assertThat(out).contains("sql of SalesTrends").contains("sql of PriceElasticity").contains("sql of CustomerSegmentation").contains("FROM mydf");
    }

    @Test
    void inspect_failedRun_showsWhereAndWhyAndTheQuarantine()
    {
        CommandResult result = CommandResult.run("inspect", badRun, "--output", output.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("status      FAILED")
                .contains("failed      in PrepareUpload: io.duckstep.core.error.InvalidInputException: " + badUpload + ", line 3, column 'InvoiceDate': not a date and time: 'yesterday'")
                .contains("quarantine  " + runs.resolve(badRun).resolve("quarantine/bad.csv"))
                .contains("warehouse   MotherDuck database my_db")
                .contains("definition  summary, checksum unknown");
        // PrepareUpload's Catch handled the refusal: shown as caught, with the error, not as a success
        assertThat(result.out().lines().filter(line -> line.startsWith("  PrepareUpload"))).singleElement().asString().contains("CAUGHT");
        assertThat(result.out()).contains("  QuarantineUpload");
    }

    @Test
    void inspect_state_printsThatStateInFull()
    {
        CommandResult result = CommandResult.run("inspect", goodRun, "--output", output.toString(), "--state", "PriceElasticity", "--rows", "1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("state    PriceElasticity of run " + goodRun)
                .contains("status   SUCCEEDED")
                .contains("input:", "output:", "\"location\" : \"" + runs.resolve(goodRun).resolve("results/price_elasticity.parquet") + "\"")
                .contains("first rows of " + runs.resolve(goodRun).resolve("results/price_elasticity.parquet"))
                .contains("sql:", "-- price_elasticity");
        assertThat(result.out()).doesNotContain("SalesTrends");
    }

    @Test
    void inspect_unknownState_namesTheRunsStates()
    {
        CommandResult result = CommandResult.run("inspect", goodRun, "--output", output.toString(), "--state", "Nope");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("run " + goodRun + " has no state Nope; its states: HasUpload, PrepareUpload, RunQueries");
    }

    @Test
    void inspect_unknownRun_listsTheNearestIds()
    {
        String typo = goodRun.substring(0, goodRun.length() - 1) + (goodRun.endsWith("x") ? "y" : "x");

        CommandResult prefix = CommandResult.run("inspect", "summary-", "--output", output.toString());
        CommandResult misspelt = CommandResult.run("inspect", typo, "--output", output.toString());
        CommandResult far = CommandResult.run("inspect", "zzz", "--output", output.toString());

        assertThat(prefix.code()).isEqualTo(1);
        assertThat(prefix.err()).contains("no run summary- in " + runs + "; the nearest: ").contains(goodRun).contains(badRun);
        assertThat(misspelt.err()).contains("the nearest: " + goodRun);
        assertThat(far.err()).contains("no run zzz in " + runs + " (`duckstep runs` lists the runs)");
    }

    @Test
    void runSummary_localProgressLines_areTheLinesARemoteRunPrints()
    {
        // the lines RemoteCommandsTest expects from the recorded AWS execution of the same workflow, times left out
        List<String> remote = List.of("HasUpload ...", "HasUpload done", "PrepareUpload ...", "PrepareUpload done", "RunQueries ...", "SalesTrends ...",
                "SalesTrends done", "PriceElasticity ...", "PriceElasticity done", "CustomerSegmentation ...", "CustomerSegmentation done", "RunQueries done",
                "BuildReport ...", "BuildReport done", "WriteManifest ...", "WriteManifest done", "Summarize ...", "Summarize done");

        List<String> local = goodProgress.lines()
                .filter(line -> line.startsWith("duckstep:   "))
                .map(line -> line.substring("duckstep:   ".length()).replaceAll(" \\((\\d+ ms|\\d+\\.\\d s)\\)$", ""))
                .toList();

        assertThat(local).containsExactlyInAnyOrderElementsOf(remote);
        assertThat(goodProgress.lines().filter(line -> line.contains(" done ("))).allMatch(line -> line.matches("duckstep:   \\w+ done \\((\\d+ ms|\\d+\\.\\d s)\\)"));
    }

    @Test
    void help_newCommands_printTheirUsage()
    {
        for (String command : List.of("runs", "inspect")) {
            CommandResult result = CommandResult.run(command, "--help");
            assertThat(result.code()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: duckstep " + command);
        }
    }

    private static long uploadRows()
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                var resultSet = statement.executeQuery("SELECT count(*) FROM read_csv('" + goodUpload + "')")) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    private static void copyHistory(String runId, Path target)
            throws Exception
    {
        Files.copy(runs.resolve(runId).resolve("history.json"), target.resolve("history.json"));
    }

    private static String onlyRun()
    {
        return runIds().reduce((first, second) -> {
            throw new AssertionError("more than one run: " + first + ", " + second);
        }).orElseThrow();
    }

    private static Stream<String> runIds()
    {
        try (Stream<Path> children = Files.list(runs)) {
            return children.map(path -> path.getFileName().toString()).toList().stream();
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
