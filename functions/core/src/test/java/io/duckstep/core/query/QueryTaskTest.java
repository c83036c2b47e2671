package io.duckstep.core.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.QueryFailedException;
import io.duckstep.core.error.UnknownQueryException;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.load.TransactionsReader;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryTaskTest
{
    @TempDir
    Path directory;

    private Path warehouse;
    private Path recent;
    private LocalFileStorage storage;

    @BeforeEach
    void setUp()
            throws Exception
    {
        storage = new LocalFileStorage();
        warehouse = directory.resolve("warehouse.duckdb");
        recent = directory.resolve("recent.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA e_commerce");
            statement.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT * FROM (VALUES "
                    + "('A1', 10, 2.0), ('A1', 20, 1.0), ('B2', 5, 3.0)) t(StockCode, Quantity, Price)");
            statement.execute("COPY (SELECT * FROM (VALUES ('A1', 40, 1.5), ('B2', 1, 3.0), ('C3', 7, 9.0)) t(StockCode, Quantity, Price)) TO '" + recent + "' (FORMAT parquet)");
        }
    }

    @Test
    void run_adhocJoinOfInputAndWarehouse_writesParquetWithTheJoinedRows()
            throws Exception
    {
        Path output = directory.resolve("out/result.parquet");
        QueryOutput result = task(warehouseFile()).run(QueryRequest.adhoc(
                "SELECT m.StockCode, avg(m.Quantity) AS recent, avg(h.Quantity) AS historical "
                        + "FROM mydf m JOIN e_commerce.year_09_10 h USING (StockCode) GROUP BY ALL ORDER BY 1;",
                Map.of("mydf", recent.toString()), List.of(), output.toString()));

        // By hand: A1 recent 40, historical (10+20)/2 = 15; B2 recent 1, historical 5; C3 has no history.
        assertThat(result.rowCount()).isEqualTo(2);
        assertThat(result.location()).isEqualTo(output.toString());
        assertThat(result.columns()).extracting(ColumnDescription::name).containsExactly("StockCode", "recent", "historical");
        assertThat(result.columns()).extracting(ColumnDescription::type).containsExactly("VARCHAR", "DOUBLE", "DOUBLE");
        assertThat(result.preview().toString()).isEqualTo("[{\"StockCode\":\"A1\",\"recent\":40.0,\"historical\":15.0},{\"StockCode\":\"B2\",\"recent\":1.0,\"historical\":5.0}]");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), sum(historical) FROM read_parquet('" + output + "')")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(2);
            assertThat(rows.getDouble(2)).isEqualTo(20.0);
        }
    }

    @Test
    void run_bindParameters_areBoundNotSubstituted()
    {
        QueryTask task = task(warehouseFile());
        String hostile = "A1' OR '1'='1";

        QueryOutput none = task.run(QueryRequest.adhoc("SELECT * FROM mydf WHERE StockCode = ?", Map.of("mydf", recent.toString()),
                List.of(hostile), directory.resolve("none.parquet").toString()));
        QueryOutput one = task.run(QueryRequest.adhoc("SELECT * FROM mydf WHERE StockCode = ? AND Quantity > ?", Map.of("mydf", recent.toString()),
                List.of("A1", 10), directory.resolve("one.parquet").toString()));

        assertThat(none.rowCount()).isZero();
        assertThat(one.rowCount()).isEqualTo(1);
    }

    @Test
    void run_unknownPackagedQuery_throwsUnknownQueryExceptionNamingTheKnownOnes()
    {
        assertThatThrownBy(() -> task(warehouseFile()).run(QueryRequest.packaged("sales_trend", Map.of(), directory.resolve("x.parquet").toString())))
                .isInstanceOf(UnknownQueryException.class)
                .hasMessageContaining("'sales_trend'")
                .hasMessageContaining("sales_trends, price_elasticity, customer_segmentation");
    }

    @Test
    void run_sqlError_throwsQueryFailedExceptionAndPublishesNothing()
    {
        Path output = directory.resolve("failed.parquet");

        assertThatThrownBy(() -> task(warehouseFile()).run(QueryRequest.adhoc("SELECT no_such_column FROM mydf", Map.of("mydf", recent.toString()),
                List.of(), output.toString())))
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("no_such_column");
        assertThat(output).doesNotExist();
    }

    @Test
    void run_missingInput_throwsInvalidInputExceptionNamingTheFile()
    {
        String missing = directory.resolve("nowhere.parquet").toString();

        assertThatThrownBy(() -> task(warehouseFile()).run(QueryRequest.adhoc("SELECT 1", Map.of("mydf", missing), List.of(), directory.resolve("x.parquet").toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": file does not exist");
    }

    @Test
    void run_missingWarehouseFile_throwsWarehouseUnavailableException()
    {
        WarehouseSpecification missing = new WarehouseSpecification.DuckDbFile(directory.resolve("absent.duckdb").toString());

        assertThatThrownBy(() -> task(missing).run(QueryRequest.adhoc("SELECT 1", Map.of(), List.of(), directory.resolve("x.parquet").toString())))
                .isInstanceOf(WarehouseUnavailableException.class)
                .hasMessageContaining("absent.duckdb");
    }

    @Test
    void run_writeToWarehouse_isRefusedBecauseItIsAttachedReadOnly()
    {
        assertThatThrownBy(() -> task(warehouseFile()).run(QueryRequest.adhoc(
                "INSERT INTO e_commerce.year_09_10 VALUES ('Z', 1, 1.0) RETURNING *", Map.of(), List.of(), directory.resolve("x.parquet").toString())))
                .isInstanceOf(QueryFailedException.class);
        // still three rows
        assertThat(task(warehouseFile()).run(QueryRequest.adhoc("SELECT * FROM e_commerce.year_09_10", Map.of(), List.of(),
                directory.resolve("count.parquet").toString())).rowCount()).isEqualTo(3);
    }

    @Test
    void run_hugeResult_descriptionStaysSmall()
            throws Exception
    {
        QueryOutput result = task(new WarehouseSpecification.None()).run(QueryRequest.adhoc(
                "SELECT range AS id, repeat('x', 5000) AS wide FROM range(200000)", Map.of(), List.of(), directory.resolve("huge.parquet").toString()));

        assertThat(result.rowCount()).isEqualTo(200_000);
        String serialized = new ObjectMapper().writeValueAsString(result);
        assertThat(serialized.length()).isLessThan(20 * 1024);
        assertThat(result.preview().size()).isBetween(0, QueryTask.PREVIEW_ROWS);
        assertThat(Files.size(directory.resolve("huge.parquet"))).isPositive();
    }

    private WarehouseSpecification warehouseFile()
    {
        return new WarehouseSpecification.DuckDbFile(warehouse.toString());
    }

    private QueryTask task(WarehouseSpecification warehouseSpecification)
    {
        DuckDb duckDb = new DuckDb(new DuckDbSettings("500MB", 2, directory.resolve("work")));
        return new QueryTask(duckDb, new RunLayout(storage, directory.resolve("runs").toString()), new InputTables(storage, new TransactionsReader()),
                new WarehouseAttacher(storage, new TestingSecretStore(Map.of())), warehouseSpecification);
    }
}
