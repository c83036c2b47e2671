package io.duckstep.core.load;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed fast path (one typed read_csv straight to the target, every rule in the same pass) against the
 * staged path (text staging, a validation scan, a typed insert): on the real sample and on every bad-input
 * fixture, both give the same error or the same rows.
 */
class TypedFastPathTest
{
    @TempDir
    Path directory;

    private Connection connection;
    private final TransactionsReader fast = new TransactionsReader();
    private final TransactionsReader staged = new TransactionsReader(false);

    @BeforeEach
    void setUp()
    {
        connection = new DuckDb(new DuckDbSettings("1GB", 2, directory.resolve("work"))).openInMemory();
    }

    @AfterEach
    void tearDown()
            throws SQLException
    {
        connection.close();
    }

    static Stream<String> fixtures()
            throws Exception
    {
        try (Stream<Path> files = Files.list(fixture("empty.csv").getParent())) {
            return files.map(path -> path.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void load_everyBadInputFixture_givesTheSameErrorOrTheSameRowsOnBothPaths(String name)
            throws Exception
    {
        assertSameOutcome(fixture(name), name);
    }

    @Test
    void load_realSample_givesIdenticalRowsOnBothPaths()
            throws Exception
    {
        Outcome outcome = assertSameOutcome(TestingProject.sampleCsv(), "sample.csv.gz");

        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.loaded().orElseThrow().rowCount()).isEqualTo(52_516);
        // the sample took the one-pass typed read, not the fallback
        assertThat(outcome.loaded().orElseThrow().typedRead()).isTrue();
    }

    @Test
    void copyToParquet_realSample_writesTheSameRowsAsTheStagedPath()
            throws Exception
    {
        Path fastParquet = directory.resolve("fast.parquet");
        Path stagedParquet = directory.resolve("staged.parquet");

        LoadedTransactions typed = fast.copyToParquet(connection, TestingProject.sampleCsv(), "sample.csv.gz", fastParquet);
        assertThat(typed.rowCount()).isEqualTo(52_516);
        assertThat(typed.typedRead()).isTrue();
        assertThat(staged.copyToParquet(connection, TestingProject.sampleCsv(), "sample.csv.gz", stagedParquet).rowCount()).isEqualTo(52_516);

        assertThat(single("SELECT count(*) FROM (SELECT * FROM read_parquet('" + fastParquet + "') EXCEPT ALL SELECT * FROM read_parquet('" + stagedParquet + "'))")).isEqualTo(0L);
        assertThat(single("SELECT count(*) FROM (SELECT * FROM read_parquet('" + stagedParquet + "') EXCEPT ALL SELECT * FROM read_parquet('" + fastParquet + "'))")).isEqualTo(0L);
        // file order is kept on both paths
        assertThat(single("SELECT count(*) FROM (SELECT row_number() OVER () AS n, * FROM read_parquet('" + fastParquet + "')) f "
                + "JOIN (SELECT row_number() OVER () AS n, * FROM read_parquet('" + stagedParquet + "')) s USING (n) "
                + "WHERE f.Invoice IS DISTINCT FROM s.Invoice OR f.Quantity IS DISTINCT FROM s.Quantity OR f.Price IS DISTINCT FROM s.Price")).isEqualTo(0L);
    }

    @Test
    void load_fixturesTheTypedReadCannotRead_fallBackToTheStagedPath()
            throws Exception
    {
        // Latin-1 text and US dates with 13085.0 customer ids: read, but by the staged path
        assertThat(fast.load(connection, fixture("kaggle_latin1.csv"), "kaggle_latin1.csv", "t").typedRead()).isFalse();
        // plain UTF-8 with ISO dates and whole numbers: one typed pass
        assertThat(fast.load(connection, fixture("bom_crlf.csv"), "bom_crlf.csv", "t").typedRead()).isTrue();
        assertThat(fast.load(connection, fixture("trailing_delimiter.csv"), "trailing_delimiter.csv", "t").typedRead()).isTrue();
    }

    @Test
    void copyToParquet_badValue_leavesNoFile()
            throws Exception
    {
        Path parquet = directory.resolve("refused.parquet");
        Path upload = fixture("nan_price.csv");

        Outcome outcome = outcome(() -> fast.copyToParquet(connection, upload, "nan_price.csv", parquet));

        assertThat(outcome.error()).hasValue("io.duckstep.core.error.InvalidInputException: nan_price.csv, line 3, column 'Price': not a finite number: 'NaN'");
        assertThat(parquet).doesNotExist();
    }

    private Outcome assertSameOutcome(Path file, String displayName)
            throws SQLException
    {
        Outcome fastOutcome = outcome(() -> fast.load(connection, file, displayName, "fast_rows"));
        Outcome stagedOutcome = outcome(() -> staged.load(connection, file, displayName, "staged_rows"));

        assertThat(fastOutcome.error()).isEqualTo(stagedOutcome.error());
        assertThat(fastOutcome.loaded().map(loaded -> List.of(loaded.rowCount(), loaded.encoding(), loaded.notes())))
                .isEqualTo(stagedOutcome.loaded().map(loaded -> List.of(loaded.rowCount(), loaded.encoding(), loaded.notes())));
        assertThat(stagedOutcome.loaded().map(LoadedTransactions::typedRead)).isNotEqualTo(Optional.of(true));
        if (fastOutcome.error().isEmpty()) {
            assertThat(single("SELECT count(*) FROM (SELECT * FROM fast_rows EXCEPT ALL SELECT * FROM staged_rows)")).isEqualTo(0L);
            assertThat(single("SELECT count(*) FROM (SELECT * FROM staged_rows EXCEPT ALL SELECT * FROM fast_rows)")).isEqualTo(0L);
            assertThat(single("SELECT count(*) FROM fast_rows f POSITIONAL JOIN staged_rows s WHERE f.Invoice IS DISTINCT FROM s.Invoice OR f.InvoiceDate IS DISTINCT FROM s.InvoiceDate"))
                    .isEqualTo(0L);
        }
        return fastOutcome;
    }

    private record Outcome(Optional<LoadedTransactions> loaded, Optional<String> error) {}

    private static Outcome outcome(java.util.function.Supplier<LoadedTransactions> load)
    {
        try {
            return new Outcome(Optional.of(load.get()), Optional.empty());
        }
        catch (RuntimeException e) {
            return new Outcome(Optional.empty(), Optional.of(e.getClass().getName() + ": " + e.getMessage()));
        }
    }

    private Object single(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getObject(1);
        }
    }

    private static Path fixture(String name)
            throws Exception
    {
        return Path.of(TypedFastPathTest.class.getResource("/load/" + name).toURI());
    }
}
