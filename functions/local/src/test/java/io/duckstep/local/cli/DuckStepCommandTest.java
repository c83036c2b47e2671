package io.duckstep.local.cli;

import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DuckStepCommandTest
{
    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";

    @TempDir
    Path directory;

    @Test
    void execute_noCommand_printsUsageAndExitsTwo()
    {
        Result result = run();

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command").contains("Usage: duckstep");
    }

    @Test
    void execute_helpOnEveryCommand_exitsZeroWithItsUsage()
    {
        for (String[] command : new String[][] {{"--help"}, {"demo", "--help"}, {"load", "--help"}, {"run", "--help"}, {"run", "summary", "--help"}, {"query", "--help"}}) {
            Result result = run(command);
            assertThat(result.code()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).contains("Usage: duckstep");
        }
    }

    @Test
    void execute_shortHelpAndVersionOnEveryCommand_answerAsPicocliStandardOptions()
    {
        for (String command : List.of("demo", "load", "run", "query", "benchmark", "ask", "serve", "extensions", "runs", "inspect", "watch")) {
            Result help = run(command, "-h");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command)
                    .contains("Usage: duckstep " + command)
                    .containsPattern("-h, --help +Show this help message and exit\\.")
                    .containsPattern("-V, --version +Print version information and exit\\.");
            assertThat(run(command, "-V").code()).as(command).isZero();
        }
        assertThat(run("--version").out()).isEqualTo("DuckStep 0.1.0" + System.lineSeparator());
    }

    @Test
    void namesACommand_commandThenArguments_isTrueOnlyForACommand()
    {
        assertThat(DuckStepCommand.namesACommand(new String[] {"query", "SELECT 42"})).isTrue();
        assertThat(DuckStepCommand.namesACommand(new String[] {"run", "summary", "--help"})).isTrue();
        assertThat(DuckStepCommand.namesACommand(new String[] {})).isFalse();
        assertThat(DuckStepCommand.namesACommand(new String[] {"help", "query"})).isFalse();
        assertThat(DuckStepCommand.namesACommand(new String[] {"--version"})).isFalse();
        assertThat(DuckStepCommand.namesACommand(new String[] {"-h"})).isFalse();
        assertThat(DuckStepCommand.namesACommand(new String[] {"qeury"})).isFalse();
    }

    @Test
    void execute_unknownOption_printsUsageAndExitsTwo()
    {
        Result result = run("load", "--no-such-option", "x.csv");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'").contains("Usage: duckstep load");
    }

    @Test
    void load_realSample_buildsTheWarehouseAndPrintsItsPath()
    {
        Path warehouse = directory.resolve("warehouse.duckdb");

        Result result = run("load", TestingProject.sampleCsv().toString(), "--warehouse", warehouse.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out().strip()).isEqualTo(warehouse.toAbsolutePath().toString());
        assertThat(result.err()).contains("52,516 rows");
    }

    @Test
    void load_missingFile_exitsOneNamingTheFileAndWritesNoWarehouse()
    {
        Path warehouse = directory.resolve("warehouse.duckdb");
        Path missing = directory.resolve("missing.csv");

        Result result = run("load", missing.toString(), "--warehouse", warehouse.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("duckstep load: " + missing + ": file does not exist");
        assertThat(warehouse).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void load_emptyFile_exitsOne()
            throws Exception
    {
        Path empty = Files.createFile(directory.resolve("empty.csv"));

        Result result = run("load", empty.toString(), "--warehouse", directory.resolve("w.duckdb").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains(empty + ": file is empty");
    }

    @Test
    void load_wrongHeader_exitsOneNamingLineOne()
            throws Exception
    {
        Path file = Files.writeString(directory.resolve("header.csv"), "Invoice,Stock,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n1,A,x,1,2009-12-01 07:45:00,1,1,UK\n");

        Result result = run("load", file.toString(), "--warehouse", directory.resolve("w.duckdb").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains(file + ", line 1: wrong header");
    }

    @Test
    void load_unparseableDateAndNumber_exitOneWithLineAndColumn()
            throws Exception
    {
        Path date = Files.writeString(directory.resolve("date.csv"), HEADER + "1,A,x,1,2009-12-01 07:45:00,1,1,UK\n2,B,y,1,yesterday,1,1,UK\n");
        Path number = Files.writeString(directory.resolve("number.csv"), HEADER + "1,A,x,1,2009-12-01 07:45:00,1.5.0,1,UK\n");

        Result dateResult = run("load", date.toString(), "--warehouse", directory.resolve("w.duckdb").toString());
        Result numberResult = run("load", number.toString(), "--warehouse", directory.resolve("w.duckdb").toString());

        assertThat(dateResult.code()).isEqualTo(1);
        assertThat(dateResult.err()).contains(date + ", line 3, column 'InvoiceDate': not a date and time: 'yesterday'");
        assertThat(numberResult.code()).isEqualTo(1);
        assertThat(numberResult.err()).contains(number + ", line 2, column 'Price': not a number: '1.5.0'");
        assertThat(directory.resolve("w.duckdb")).doesNotExist();
    }

    @Test
    void query_unknownPackagedQuery_exitsOneWithTheKnownNames()
    {
        Result result = run("query", "--packaged", "sales", "--output", directory.resolve("r.parquet").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("Unknown query 'sales'. Packaged queries: sales_trends, price_elasticity, customer_segmentation");
    }

    @Test
    void query_sqlError_exitsOneWithDuckDbsMessageAndWritesNothing()
    {
        Path output = directory.resolve("r.parquet");

        Result result = run("query", "SELEC 1", "--output", output.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("Query 'adhoc' failed").contains("syntax error");
        assertThat(output).doesNotExist();
    }

    @Test
    void query_inputFile_printsTheResultDescription()
    {
        Path output = directory.resolve("countries.parquet");

        Result result = run("query", "SELECT Country, count(*) AS lines FROM mydf GROUP BY ALL ORDER BY lines DESC LIMIT 1",
                "--input", "mydf=" + TestingProject.sampleCsv(), "--output", output.toString());

        assertThat(result.code()).isZero();
        // by hand from the sample: United Kingdom has the most lines
        assertThat(result.out()).contains("\"rowCount\" : 1").contains("\"Country\" : \"United Kingdom\"");
        assertThat(output).exists();
    }

    @Test
    void runSummary_unsupportedAslConstruct_isRefusedBeforeAnyTaskRuns()
            throws Exception
    {
        Path definition = Files.writeString(directory.resolve("jsonata.asl.json"),
                "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Succeed\"}}}");
        Path upload = Files.writeString(directory.resolve("u.csv"), HEADER + "1,A,x,1,2009-12-01 07:45:00,1,1,UK\n");

        Result result = run("run", "summary", "--recent", upload.toString(), "--definition", definition.toString(),
                "--output", directory.resolve("out").toString(), "--warehouse", directory.resolve("w.duckdb").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("the state machine definition cannot run here").contains("QueryLanguage");
        assertThat(directory.resolve("out")).doesNotExist();
    }

    @Test
    void runSummary_missingUpload_exitsOneAndQuarantinesNothingThatDoesNotExist()
    {
        Path missing = directory.resolve("nowhere.csv");

        Result result = run("run", "summary", "--recent", missing.toString(), "--output", directory.resolve("out").toString(),
                "--warehouse", directory.resolve("w.duckdb").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("FAILED: " + missing + ": file does not exist");
        // the command's verdict is the run's manifest, which it names
        String manifest = result.err().replaceAll("(?s).*\\(manifest: ([^)]+manifest\\.json)\\).*", "$1");
        assertThat(Path.of(manifest)).startsWith(directory.resolve("out/runs")).content().contains("\"status\" : \"FAILED\"");
    }

    private Stream<String> leftovers()
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(".")).toList().stream();
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Result run(String... arguments)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DuckStepCommand.execute(arguments, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
