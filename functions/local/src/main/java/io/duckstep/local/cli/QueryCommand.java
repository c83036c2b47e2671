package io.duckstep.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.duckstep.core.query.QueryOutput;
import io.duckstep.core.query.QueryRequest;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(
        name = "query",
        description = {
                "Run one SQL statement (or a packaged query) over input files and, optionally, the warehouse.",
                "The result is written once as Parquet; its description (rows, columns, a preview) is printed as JSON.",
                "Example: duckstep query \"SELECT Country, count(*) FROM mydf GROUP BY ALL\" --input mydf=recent.csv"
        })
final class QueryCommand
        extends HelpOptions
        implements Callable<Integer>
{
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec specification;

    @Parameters(index = "0", paramLabel = "SQL", description = "SQL text, or with --packaged the name of a packaged query (an unknown name lists them)")
    String sql;

    @Option(names = "--packaged", description = "SQL is the name of a packaged query")
    boolean packaged;

    @Option(names = "--input", paramLabel = "NAME=FILE", description = "a table the query can read: CSV, CSV.gz, XLSX (validated as Online Retail II transactions) or Parquet (used as it is)")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--warehouse", paramLabel = "FILE|md:DATABASE", converter = WarehouseOption.class,
            description = "the warehouse, attached read-only: a DuckDB file or md:DATABASE in MotherDuck; its tables are e_commerce.year_09_10 etc. (default: none)")
    WarehouseSpecification warehouse;

    @Option(names = "--parameter", paramLabel = "VALUE", description = "a value bound to the next ? placeholder (numbers are bound as numbers)")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "where to write the Parquet result (default: out/query/result-<time>.parquet)")
    Path output;

    @Override
    public Integer call()
            throws Exception
    {
        Path target = output != null ? output : Path.of("out", "query", "result-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".parquet");
        WarehouseSpecification warehouseSpecification = warehouse == null
                ? new WarehouseSpecification.None()
                : CommandDefaults.ready(warehouse, Set.of(WarehouseAttacher.Queries.TRUSTED));
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(Path.of("out", "runs"), Path.of("out", "uploads"), warehouseSpecification, CommandDefaults.duckDbSettings()),
                CommandDefaults.secrets());
        QueryRequest request = packaged
                ? QueryRequest.packaged(sql, inputs, target.toString())
                : QueryRequest.adhoc(sql, inputs, typed(parameters), target.toString());
        QueryOutput result = tasks.queryTask().run(request);
        specification.commandLine().getOut().println(JSON.writeValueAsString(result));
        return 0;
    }

    static List<Object> typed(List<String> values)
    {
        List<Object> typed = new ArrayList<>();
        for (String value : values) {
            if (value.matches("-?\\d{1,18}")) {
                typed.add(Long.parseLong(value));
            }
            else if (value.matches("-?\\d+\\.\\d+")) {
                typed.add(Double.parseDouble(value));
            }
            else {
                typed.add(value);
            }
        }
        return typed;
    }
}
