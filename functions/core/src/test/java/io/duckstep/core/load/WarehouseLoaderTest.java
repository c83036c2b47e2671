package io.duckstep.core.load;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseLoaderTest
{
    @TempDir
    Path directory;

    @Test
    void load_realSample_createsECommerceYear0910WithAllRows()
            throws Exception
    {
        Path warehouse = directory.resolve("warehouse.duckdb");

        WarehouseLoadResult result = loader().load(List.of(TestingProject.sampleCsv()), warehouse, false);

        assertThat(result.rowCount()).isEqualTo(52_516);
        assertThat(count(warehouse, "SELECT count(*) FROM e_commerce.year_09_10")).isEqualTo(52_516);
    }

    @Test
    void load_append_addsToTheExistingRows()
            throws Exception
    {
        Path warehouse = directory.resolve("warehouse.duckdb");
        Path small = Files.writeString(directory.resolve("more.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
                        + "900001,A,x,1,2011-01-01 10:00:00,1.0,1,UK\n900002,B,y,2,2011-01-01 10:01:00,2.0,,UK\n");
        loader().load(List.of(small), warehouse, false);

        WarehouseLoadResult result = loader().load(List.of(small), warehouse, true);

        assertThat(result.rowCount()).isEqualTo(4);
        assertThat(count(warehouse, "SELECT count(*) FROM e_commerce.year_09_10 WHERE Invoice = '900002'")).isEqualTo(2);
    }

    @Test
    void load_badSource_leavesThePreviousWarehouseUntouchedAndNoTemporaryFile()
            throws Exception
    {
        Path warehouse = directory.resolve("warehouse.duckdb");
        Path good = Files.writeString(directory.resolve("good.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n900001,A,x,1,2011-01-01 10:00:00,1.0,1,UK\n");
        Path bad = Files.writeString(directory.resolve("bad.csv"),
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n900002,B,y,many,2011-01-01 10:01:00,2.0,,UK\n");
        loader().load(List.of(good), warehouse, false);
        byte[] before = Files.readAllBytes(warehouse);

        assertThatThrownBy(() -> loader().load(List.of(good, bad), warehouse, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.csv, line 2, column 'Quantity'");

        assertThat(Files.readAllBytes(warehouse)).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("warehouse.duckdb", "good.csv", "bad.csv", "work");
        }
    }

    private WarehouseLoader loader()
    {
        return new WarehouseLoader(new DuckDb(new DuckDbSettings("1GB", 2, directory.resolve("work"))), new TransactionsReader());
    }

    private static long count(Path warehouse, String sql)
            throws Exception
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
