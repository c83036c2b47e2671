package io.duckstep.local.cli;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.SqlText;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.load.WarehouseLoadResult;
import io.duckstep.core.load.WarehouseLoader;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        name = "demo",
        description = {
                "The quick-start demo on the bundled real sample (Online Retail II, Dec 2009 - Jan 2010):",
                "1. build a warehouse from the whole sample (the history),",
                "2. take the sample's December 2009 rows as the recent upload,",
                "3. run the summary workflow (state-machines/summary.asl.json) through the local runner,",
                "4. write the report under the output directory and print its path."
        })
final class DemoCommand
        extends HelpOptions
        implements Callable<Integer>
{
    static final String SAMPLE = "sample_2009-12_2010-01.csv.gz";

    @Spec
    CommandSpec specification;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out/demo", description = "where the demo writes (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call()
            throws Exception
    {
        Progress progress = new Progress(specification.commandLine().getErr());
        DuckDb duckDb = new DuckDb(CommandDefaults.duckDbSettings());
        Path sample = extractSample(output.resolve("data"));

        long start = System.nanoTime();
        progress.step("[1/3] building the warehouse from the bundled sample " + sample + " ...");
        Path warehouse = output.resolve("warehouse.duckdb");
        WarehouseLoadResult loaded = new WarehouseLoader(duckDb, new TransactionsReader()).load(List.of(sample), warehouse, false);
        progress.done(String.format(Locale.ROOT, "[1/3] warehouse %s: %,d rows in e_commerce.year_09_10", warehouse, loaded.rowCount()), start);

        start = System.nanoTime();
        Path upload = output.resolve("uploads").resolve("online_retail_2009-12.csv");
        progress.step("[2/3] writing the sample's December 2009 rows as the recent upload " + upload + " ...");
        writeDecemberUpload(duckDb, warehouse, upload);
        progress.done("[2/3] upload written", start);

        progress.step("[3/3] running the summary workflow ...");
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(output.resolve("runs"), output.resolve("uploads"),
                new WarehouseSpecification.DuckDbFile(warehouse.toString()), duckDb.settings()));
        String report = SummaryRun.run(tasks, upload, progress);
        progress.step("report written; open it in a browser (it needs no network):");
        specification.commandLine().getOut().println(Path.of(report).toAbsolutePath().normalize());
        return 0;
    }

    /** The sample ships inside the jar, so the demo runs wherever the jar is. */
    private static Path extractSample(Path directory)
            throws IOException
    {
        Files.createDirectories(directory);
        Path sample = directory.resolve(SAMPLE);
        try (InputStream stream = DemoCommand.class.getResourceAsStream("/sample/" + SAMPLE)) {
            if (stream == null) {
                throw new IllegalStateException("The bundled sample is missing from the jar");
            }
            Files.copy(stream, sample, StandardCopyOption.REPLACE_EXISTING);
        }
        return sample;
    }

    /** DuckDB writes the upload as an ordinary CSV file, like the ones analysts upload. */
    private static void writeDecemberUpload(DuckDb duckDb, Path warehouse, Path upload)
            throws Exception
    {
        Files.createDirectories(upload.getParent());
        Path temporary = upload.resolveSibling("." + upload.getFileName() + ".tmp");
        try (Connection connection = duckDb.openFile(warehouse, true);
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM e_commerce.year_09_10 WHERE InvoiceDate < TIMESTAMP '2010-01-01' ORDER BY rowid) TO "
                    + SqlText.literal(temporary.toAbsolutePath().toString()) + " (FORMAT csv, HEADER true, TIMESTAMPFORMAT '%Y-%m-%d %H:%M:%S')");
        }
        Files.move(temporary, upload, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
