package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoadResult;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.query.WarehouseUpload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(
        name = "load",
        description = {
                "Build (or with --append, refresh) the warehouse DuckDB file from transactions files:",
                "schema e_commerce, table year_09_10. Accepts .csv (UTF-8, or Latin-1 with a note), .csv.gz, .parquet and the original .xlsx workbook.",
                "The file is replaced only when the whole load succeeded."
        })
final class LoadCommand
        extends HelpOptions
        implements Callable<Integer>
{
    @Spec
    CommandSpec specification;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "transactions files to load")
    List<Path> sources;

    @Option(names = "--warehouse", paramLabel = "FILE|md:DATABASE", defaultValue = "out/warehouse.duckdb", converter = WarehouseOption.class,
            description = "the warehouse: a DuckDB file (default: ${DEFAULT-VALUE}) or md:DATABASE in MotherDuck (written with the full token, as table main.year_09_10)")
    WarehouseSpecification warehouse;

    @Option(names = "--append", description = "keep the warehouse's rows and add these files' rows")
    boolean append;

    @Override
    public Integer call()
    {
        Progress progress = new Progress(specification.commandLine().getErr());
        long start = System.nanoTime();
        DuckDb duckDb = new DuckDb(CommandDefaults.duckDbSettings());
        if (warehouse instanceof WarehouseSpecification.MotherDuck motherDuck) {
            CommandDefaults.ready(motherDuck, Set.of(WarehouseAttacher.Queries.TRUSTED));
            // validated and typed exactly as for a file, in a local file first; then copied to MotherDuck in one statement
            Path staged = duckDb.settings().workDirectory().resolve("motherduck-load-" + ProcessHandle.current().pid() + ".duckdb");
            try {
                progress.step("loading " + sources.size() + " file(s) for md:" + motherDuck.database() + " ...");
                WarehouseLoadResult loaded = new WarehouseLoader(duckDb, new TransactionsReader()).load(sources, staged, false);
                loaded.notes().forEach(note -> specification.commandLine().getErr().println("note: " + note));
                long rows = new WarehouseUpload(duckDb, CommandDefaults.secrets(), new WarehouseAttacher.ExtensionConnector()).upload(staged, motherDuck, append);
                progress.done(String.format(Locale.ROOT, "md:%s holds %,d rows in e_commerce.year_09_10 (%,d loaded)", motherDuck.database(), rows, loaded.rowCount()), start);
                specification.commandLine().getOut().println("md:" + motherDuck.database());
                return 0;
            }
            finally {
                deleteQuietly(staged);
            }
        }
        Path file = Path.of(((WarehouseSpecification.DuckDbFile) warehouse).location());
        progress.step((append ? "appending " : "loading ") + sources.size() + " file(s) into " + file + " ...");
        WarehouseLoadResult result = new WarehouseLoader(duckDb, new TransactionsReader()).load(sources, file, append);
        result.notes().forEach(note -> specification.commandLine().getErr().println("note: " + note));
        progress.done(String.format(Locale.ROOT, "warehouse %s holds %,d rows in e_commerce.year_09_10", result.warehouse(), result.rowCount()), start);
        specification.commandLine().getOut().println(result.warehouse());
        return 0;
    }

    private static void deleteQuietly(Path file)
    {
        try {
            java.nio.file.Files.deleteIfExists(file);
        }
        catch (java.io.IOException ignored) {
            // a leftover staging file in the work directory is harmless
        }
    }
}
