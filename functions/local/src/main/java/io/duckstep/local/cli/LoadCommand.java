package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoadResult;
import io.duckstep.core.load.WarehouseLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
                "Build (or with --append, refresh) the warehouse DuckDB file from transactions files:",
                "schema e_commerce, table year_09_10. Accepts .csv (UTF-8, or Latin-1 with a note), .csv.gz, .parquet and the original .xlsx workbook.",
                "The file is replaced only when the whole load succeeded."
        })
final class LoadCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "transactions files to load")
    List<Path> sources;

    @Option(names = "--warehouse", paramLabel = "FILE", defaultValue = "out/warehouse.duckdb", description = "the warehouse file (default: ${DEFAULT-VALUE})")
    Path warehouse;

    @Option(names = "--append", description = "keep the warehouse's rows and add these files' rows")
    boolean append;

    @Override
    public Integer call()
    {
        Progress progress = new Progress(specification.commandLine().getErr());
        long start = System.nanoTime();
        progress.step((append ? "appending " : "loading ") + sources.size() + " file(s) into " + warehouse + " ...");
        WarehouseLoadResult result = new WarehouseLoader(new DuckDb(CommandDefaults.duckDbSettings()), new TransactionsReader()).load(sources, warehouse, append);
        result.notes().forEach(note -> specification.commandLine().getErr().println("note: " + note));
        progress.done(String.format(Locale.ROOT, "warehouse %s holds %,d rows in e_commerce.year_09_10", result.warehouse(), result.rowCount()), start);
        specification.commandLine().getOut().println(result.warehouse());
        return 0;
    }
}
