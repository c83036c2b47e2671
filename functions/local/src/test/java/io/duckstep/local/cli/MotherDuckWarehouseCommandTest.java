package io.duckstep.local.cli;

import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --warehouse md:DATABASE} on the commands: without a token, or without the extension, a command fails at once
 * with one line saying what to do, before it reads or writes anything. (With both, the query would go to MotherDuck,
 * which cannot be reached from tests.)
 */
class MotherDuckWarehouseCommandTest
{
    private static final String TOKEN = "standin-motherduck-token-77c1d2";
    private static final String NO_TOKEN = "No MotherDuck token: export MOTHERDUCK_TOKEN or motherduck_token, or store it as secret duckstep/motherduck-token"
            + " (export DUCKSTEP_SECRET_DUCKSTEP_MOTHERDUCK_TOKEN)";

    @TempDir
    Path directory;

    @Test
    void query_motherDuckWithoutAnyToken_printsOneLineNamingTheThreePlacesAndExitsOne()
    {
        Result result = run(Map.of(), "query", "SELECT count(*) FROM e_commerce.year_09_10", "--warehouse", "md:analytics", "--output", directory.resolve("r.parquet").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("duckstep query: " + NO_TOKEN + System.lineSeparator());
        assertThat(directory.resolve("r.parquet")).doesNotExist();
    }

    @Test
    void runSummary_motherDuckWithoutAnyToken_printsOneLineAndExitsOne()
    {
        Result result = run(Map.of(), "run", "summary", "--recent", TestingProject.sampleCsv().toString(), "--warehouse", "md:analytics",
                "--output", directory.resolve("out").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("duckstep summary: " + NO_TOKEN + System.lineSeparator());
        assertThat(directory.resolve("out")).doesNotExist();
    }

    @Test
    void query_tokenFromAnyOfTheThreePlacesButNoExtension_failsAtOnceNamingTheInstallCommand()
    {
        for (String variable : new String[] {"MOTHERDUCK_TOKEN", "motherduck_token", "DUCKSTEP_SECRET_DUCKSTEP_MOTHERDUCK_TOKEN"}) {
            Result result = run(Map.of(variable, TOKEN), "query", "SELECT 1", "--warehouse", "md:analytics", "--output", directory.resolve("r.parquet").toString());

            assertThat(result.code()).as(variable).isEqualTo(1);
            assertThat(result.err()).as(variable)
                    .startsWith("duckstep query: The MotherDuck extension is not installed in " + directory.resolve("work").resolve("extensions"))
                    .contains("run `duckstep extensions install motherduck` once")
                    .doesNotContain(TOKEN);
            assertThat(result.err().lines()).as(variable).hasSize(1);
        }
    }

    @Test
    void ask_motherDuckWithTheFullTokenOnly_isRefusedForWantOfAReadScalingToken()
    {
        Result result = run(Map.of("MOTHERDUCK_TOKEN", TOKEN, "OPENAI_API_KEY", "unused"), "ask", "How many customers?", "--warehouse", "md:analytics",
                "--output", directory.resolve("out").toString(), "--uploads", directory.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("duckstep ask: No MotherDuck read-scaling token: the model's queries never get the full token; create a read-scaling"
                + " token in MotherDuck and store it as secret duckstep/motherduck-read-scaling-token (export DUCKSTEP_SECRET_DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN)"
                + System.lineSeparator());
    }

    @Test
    void load_intoMotherDuckWithoutAnyToken_printsOneLineAndExitsOne()
    {
        Result result = run(Map.of(), "load", TestingProject.sampleCsv().toString(), "--warehouse", "md:analytics");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("duckstep load: " + NO_TOKEN + System.lineSeparator());
    }

    @Test
    void load_intoMotherDuckWithoutTheExtension_failsBeforeReadingAnyFile()
    {
        Result result = run(Map.of("motherduck_token", TOKEN), "load", directory.resolve("no-such-file.csv").toString(), "--warehouse", "md:analytics");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("run `duckstep extensions install motherduck` once").doesNotContain("no-such-file").doesNotContain(TOKEN);
    }

    @Test
    void query_motherDuckWithoutDatabaseName_isAUsageError()
    {
        Result result = run(Map.of(), "query", "SELECT 1", "--warehouse", "md:");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("a MotherDuck warehouse is md:DATABASE").contains("Usage: duckstep query");
    }

    @Test
    void query_warehouseFile_isStillAFile()
    {
        Result result = run(Map.of(), "query", "SELECT 1", "--warehouse", directory.resolve("missing.duckdb").toString(), "--output", directory.resolve("r.parquet").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("Warehouse file not found: " + directory.resolve("missing.duckdb"));
    }

    private Result run(Map<String, String> environment, String... arguments)
    {
        Map<String, String> withWork = new HashMap<>(environment);
        withWork.put("DUCKSTEP_WORK_DIRECTORY", directory.resolve("work").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DuckStepCommand.execute(arguments, new PrintWriter(out, true), new PrintWriter(err, true), withWork);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
