package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.local.runs.DropFolderWatcher;
import io.duckstep.local.runs.RunHistory;
import io.duckstep.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duckstep watch} running real summary runs on files dropped into a temporary folder.
 */
class WatchCommandTest
{
    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";

    @TempDir
    Path directory;

    @Test
    void watch_missingDirectory_exitsTwoWithAMessage()
    {
        Path missing = directory.resolve("no-such-folder");

        CommandResult result = CommandResult.run("watch", missing.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("duckstep watch: " + missing + ": no such directory");
    }

    @Test
    void watch_help_printsItsUsage()
    {
        CommandResult result = CommandResult.run("watch", "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: duckstep watch").contains("--parallel");
    }

    @Test
    void watcher_goodAndBadFileDropped_runsEachOnceWithOneLinePerEnd()
            throws Exception
    {
        Path warehouse = directory.resolve("warehouse.duckdb");
        Path sample = TestingProject.sampleCsv();
        new WarehouseLoader(new DuckDb(new DuckDbSettings("1GB", 2, directory.resolve("work"))), new TransactionsReader()).load(List.of(sample), warehouse, false);
        Path drop = Files.createDirectories(directory.resolve("drop"));
        Path output = directory.resolve("out");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + sample + "') WHERE InvoiceDate < TIMESTAMP '2009-12-02') TO '" + drop.resolve("good.csv")
                    + "' (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
        }
        Files.writeString(drop.resolve("bad.csv"), HEADER + "1,A,x,1,2009-12-01 07:45:00,1,1,UK\n2,B,y,1,yesterday,1,1,UK\n");
        Files.writeString(drop.resolve("readme.md"), "not an upload");
        WatchCommand command = new WatchCommand();
        new CommandLine(command).parseArgs(drop.toString(), "--warehouse", warehouse.toString(), "--output", output.toString(), "--settle", "3");
        TestingClock clock = new TestingClock();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());

        try (DropFolderWatcher watcher = command.watcher(clock, lines::add)) {
            watcher.poll();
            clock.advance(Duration.ofSeconds(3));
            watcher.poll();
            watcher.poll();
        }

        List<Path> runs;
        try (var children = Files.list(output.resolve("runs"))) {
            runs = children.sorted().toList();
        }
        assertThat(runs).hasSize(2);
        String badRun = runs.get(0).getFileName().toString();
        String goodRun = runs.get(1).getFileName().toString();
        assertThat(badRun).startsWith("upload-bad-");
        assertThat(goodRun).startsWith("upload-good-");
        assertThat(lines).containsExactly(
                "ignored readme.md: not a .csv, .csv.gz, .parquet or .xlsx file",
                "started " + badRun + " for bad.csv",
                "finished " + badRun + " FAILED for bad.csv: " + drop.resolve("bad.csv") + ", line 3, column 'InvoiceDate': not a date and time: 'yesterday'",
                "started " + goodRun + " for good.csv",
                "finished " + goodRun + " SUCCEEDED for good.csv: report " + output.resolve("runs").resolve(goodRun).resolve("report.html"));
        assertThat(output.resolve("runs").resolve(goodRun).resolve("report.html")).isRegularFile();
        assertThat(RunHistory.readFrom(runs.get(1)).orElseThrow().status()).isEqualTo("SUCCEEDED");

        // a restarted watch over the same folder and runs starts nothing
        List<String> restarted = new ArrayList<>();
        try (DropFolderWatcher watcher = command.watcher(clock, restarted::add)) {
            watcher.poll();
            clock.advance(Duration.ofSeconds(3));
            watcher.poll();
        }
        assertThat(restarted).noneMatch(line -> line.startsWith("started"));
    }
}
