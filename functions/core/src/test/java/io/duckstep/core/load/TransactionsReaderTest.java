package io.duckstep.core.load;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsReaderTest
{
    @TempDir
    Path directory;

    private Connection connection;
    private final TransactionsReader reader = new TransactionsReader();

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

    @Test
    void load_realSampleCsv_hasTheRowsAndQuirksCountedIndependently()
            throws Exception
    {
        long rows = reader.load(connection, TestingProject.sampleCsv(), "sample.csv.gz", "sample");

        // Established independently with Python's csv and gzip modules over the file (csv.DictReader, counting by hand):
        // 52,516 rows; 14,705 without Customer ID; 1,367 with Quantity < 0; 283 with Price 0;
        // 20,961 before 2009-12-10; 1,206 cancellation lines (Invoice C...); sum(Quantity) 555,879.
        assertThat(rows).isEqualTo(52_516);
        assertThat(single("SELECT count(*) FILTER (WHERE \"Customer ID\" IS NULL) FROM sample")).isEqualTo(14_705L);
        assertThat(single("SELECT count(*) FILTER (WHERE Quantity < 0) FROM sample")).isEqualTo(1_367L);
        assertThat(single("SELECT count(*) FILTER (WHERE Price = 0) FROM sample")).isEqualTo(283L);
        assertThat(single("SELECT count(*) FILTER (WHERE InvoiceDate < TIMESTAMP '2009-12-10') FROM sample")).isEqualTo(20_961L);
        assertThat(single("SELECT count(*) FILTER (WHERE Invoice LIKE 'C%') FROM sample")).isEqualTo(1_206L);
        assertThat(single("SELECT sum(Quantity)::BIGINT FROM sample")).isEqualTo(555_879L);
    }

    @Test
    void load_realSampleCsv_firstRowIsTypedAsWrittenInTheFile()
            throws Exception
    {
        reader.load(connection, TestingProject.sampleCsv(), "sample.csv.gz", "sample");

        // The file's first data line: 489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085,United Kingdom
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT * FROM sample LIMIT 1")) {
            row.next();
            assertThat(row.getString("Invoice")).isEqualTo("489434");
            assertThat(row.getString("StockCode")).isEqualTo("85048");
            assertThat(row.getString("Description")).isEqualTo("15CM CHRISTMAS GLASS BALL 20 LIGHTS");
            assertThat(row.getInt("Quantity")).isEqualTo(12);
            assertThat(row.getObject("InvoiceDate", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2009, 12, 1, 7, 45));
            assertThat(row.getDouble("Price")).isEqualTo(6.95);
            assertThat(row.getInt("Customer ID")).isEqualTo(13085);
            assertThat(row.getString("Country")).isEqualTo("United Kingdom");
        }
        assertThat(columnTypes("sample")).isEqualTo("VARCHAR,VARCHAR,VARCHAR,INTEGER,TIMESTAMP,DOUBLE,INTEGER,VARCHAR");
        // file order is kept: the last table row is the file's last line, 496348,22657,HEN & 2 CHICKS IN BASKET,6,2010-01-31 16:02:00,0.85,15022
        assertThat(single("SELECT Invoice || ',' || StockCode || ',' || Description || ',' || \"Customer ID\" FROM sample WHERE rowid = 52515"))
                .isEqualTo("496348,22657,HEN & 2 CHICKS IN BASKET,15022");
    }

    @Test
    void load_realSampleWorkbook_matchesTheCsvExactly()
            throws Exception
    {
        long workbookRows = reader.load(connection, TestingProject.sampleWorkbook(), "sample.xlsx", "from_workbook");
        reader.load(connection, TestingProject.sampleCsv(), "sample.csv.gz", "from_csv");

        assertThat(workbookRows).isEqualTo(52_516);
        // Excel serial dates convert to the CSV's timestamps, and every other value agrees, both ways.
        assertThat(single("SELECT count(*) FROM (SELECT * FROM from_workbook EXCEPT ALL SELECT * FROM from_csv)")).isEqualTo(0L);
        assertThat(single("SELECT count(*) FROM (SELECT * FROM from_csv EXCEPT ALL SELECT * FROM from_workbook)")).isEqualTo(0L);
    }

    @Test
    void load_kaggleStyleLatin1WithFloatCustomerIdsAndUsDates_isReadCorrectly()
            throws Exception
    {
        long rows = reader.load(connection, fixture("kaggle_latin1.csv"), "kaggle_latin1.csv", "kaggle");

        assertThat(rows).isEqualTo(3);
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT \"Customer ID\", InvoiceDate, Description, Quantity FROM kaggle ORDER BY rowid")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(13085);
            assertThat(row.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2009, 12, 1, 7, 45));
            row.next();
            assertThat(row.getInt(4)).isEqualTo(-12);
            row.next();
            assertThat(row.getObject(1)).isNull();
            assertThat(row.getString(3)).isEqualTo("£ SAVE THE PLANET MUG");
        }
    }

    @Test
    void load_missingFile_namesTheFile()
    {
        assertThatThrownBy(() -> reader.load(connection, directory.resolve("absent.csv"), "uploads/absent.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("uploads/absent.csv: file does not exist");
    }

    @Test
    void load_emptyFile_isRefused()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("empty.csv"), "empty.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("empty.csv: file is empty");
    }

    @Test
    void load_headerOnly_isRefused()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("header_only.csv"), "header_only.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("header_only.csv: contains a header but no rows");
    }

    @Test
    void load_wrongHeader_namesExpectedAndFoundColumnsOnLineOne()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("wrong_header.csv"), "wrong_header.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("wrong_header.csv, line 1: wrong header: expected Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country"
                        + " but found Invoice,StockCode,Description,Qty,InvoiceDate,Price,Customer ID,Country");
    }

    @Test
    void load_badQuantity_namesLineColumnAndValue()
    {
        // the fourth physical line of the file (header is line 1)
        assertThatThrownBy(() -> reader.load(connection, fixture("bad_quantity.csv"), "bad_quantity.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bad_quantity.csv, line 4, column 'Quantity': not an integer quantity: 'twelve'")
                .satisfies(error -> {
                    InvalidInputException invalid = (InvalidInputException) error;
                    assertThat(invalid.line()).hasValue(4);
                    assertThat(invalid.column()).hasValue("Quantity");
                });
    }

    @Test
    void load_badDate_namesLineColumnAndValue()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("bad_date.csv"), "bad_date.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bad_date.csv, line 3, column 'InvoiceDate': not a date and time: '2009-13-45 07:46:00'");
    }

    @Test
    void load_badPrice_namesLineColumnAndValue()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("bad_price.csv"), "bad_price.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bad_price.csv, line 2, column 'Price': not a number: 'abc'");
    }

    @Test
    void load_fractionalCustomerId_isRefused()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("bad_customer.csv"), "bad_customer.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bad_customer.csv, line 2, column 'Customer ID': not an integer customer id: '13085.5'");
    }

    @Test
    void load_raggedRow_reportsDuckDbsLine()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("ragged.csv"), "ragged.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ragged.csv, line 4: malformed CSV:");
    }

    @Test
    void load_failure_leavesNoTargetTable()
            throws Exception
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("bad_quantity.csv"), "bad_quantity.csv", "target"))
                .isInstanceOf(InvalidInputException.class);

        assertThat(single("SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('target', 'duckstep_staging')")).isEqualTo(0L);
    }

    @Test
    void load_parquetWithTheSchema_isTyped()
            throws Exception
    {
        Path parquet = directory.resolve("upload.parquet");
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT '1' AS Invoice, 'A' AS StockCode, 'x' AS Description, 3 AS Quantity, TIMESTAMP '2009-12-01 07:45:00' AS InvoiceDate, "
                    + "1.25 AS Price, 13085.0 AS \"Customer ID\", 'UK' AS Country) TO '" + parquet + "' (FORMAT parquet)");
        }

        assertThat(reader.load(connection, parquet, "upload.parquet", "p")).isEqualTo(1);
        assertThat(single("SELECT \"Customer ID\" FROM p")).isEqualTo(13085);
        assertThat(columnTypes("p")).isEqualTo("VARCHAR,VARCHAR,VARCHAR,INTEGER,TIMESTAMP,DOUBLE,INTEGER,VARCHAR");
    }

    @Test
    void load_unknownExtension_isRefused()
            throws Exception
    {
        Path file = Files.writeString(directory.resolve("data.json"), "{}");

        assertThatThrownBy(() -> reader.load(connection, file, "data.json", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("data.json: unsupported file type: expected .csv, .csv.gz, .parquet or .xlsx");
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

    private String columnTypes(String table)
            throws SQLException
    {
        return (String) single("SELECT string_agg(data_type, ',' ORDER BY column_index) FROM duckdb_columns() WHERE table_name = '" + table + "'");
    }

    private static Path fixture(String name)
            throws URISyntaxException
    {
        return Path.of(TransactionsReaderTest.class.getResource("/load/" + name).toURI());
    }
}
