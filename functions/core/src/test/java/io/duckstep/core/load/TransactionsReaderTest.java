package io.duckstep.core.load;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ValidationFaultException;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";
    private static final String NOT_AN_INTEGER_QUANTITY = "not an integer quantity";

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
        long rows = reader.load(connection, TestingProject.sampleCsv(), "sample.csv.gz", "sample").rowCount();

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
        long workbookRows = reader.load(connection, TestingProject.sampleWorkbook(), "sample.xlsx", "from_workbook").rowCount();
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
        long rows = reader.load(connection, fixture("kaggle_latin1.csv"), "kaggle_latin1.csv", "kaggle").rowCount();

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
                .hasMessage("ragged.csv, line 4: malformed CSV: Expected Number of Columns: 8 Found: 5");
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

        assertThat(reader.load(connection, parquet, "upload.parquet", "p").rowCount()).isEqualTo(1);
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
                .hasMessage("data.json: unsupported file type: expected one of .csv, .csv.gz, .parquet, .xlsx");
    }

    // --- one test per class of bad value: each refusal names the file, and the line and column where there are ones

    @Test
    void load_notANumberPrice_isRefusedWithLineAndColumn()
    {
        assertRefused("nan_price.csv", "nan_price.csv, line 3, column 'Price': not a finite number: 'NaN'");
    }

    @Test
    void load_infinitePrice_isRefusedWithLineAndColumn()
    {
        assertRefused("infinite_price.csv", "infinite_price.csv, line 2, column 'Price': not a finite number: '-Infinity'");
    }

    @Test
    void load_priceBeyondDoubleRange_isRefusedNotMadeInfinite()
    {
        assertRefused("huge_price.csv", "huge_price.csv, line 4, column 'Price': not a finite number: '1e309'");
    }

    @Test
    void load_fractionalQuantity_isRefusedNotRounded()
    {
        assertRefused("fractional_quantity.csv", "fractional_quantity.csv, line 2, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": '1.5'");
    }

    @Test
    void load_quantityInExponentNotation_isRefused()
    {
        assertRefused("exponent_quantity.csv", "exponent_quantity.csv, line 3, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": '1e3'");
    }

    @Test
    void load_quantityWithThousandsSeparator_isRefused()
    {
        assertRefused("thousands_quantity.csv", "thousands_quantity.csv, line 3, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": '1,000'");
    }

    @Test
    void load_quantityBeyondIntegerRange_isRefused()
    {
        assertRefused("huge_quantity.csv", "huge_quantity.csv, line 3, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": '3000000000'");
    }

    @Test
    void load_integralValuesWithZeroFractionSignsAndExponentPrices_areAcceptedExactly()
            throws Exception
    {
        reader.load(connection, fixture("accepted_numbers.csv"), "accepted_numbers.csv", "numbers");

        // 12.0 -> 12, +3 -> 3, -0 -> 0; 1.5e1 -> 15.0, -0 -> 0.0 (not negative zero), .5 -> 0.5; 13085.0 -> 13085; a date alone is midnight
        assertThat(single("SELECT string_agg(Quantity || '|' || Price || '|' || coalesce(CAST(\"Customer ID\" AS VARCHAR), 'NULL') || '|' || InvoiceDate, ';' ORDER BY rowid) FROM numbers"))
                .isEqualTo("12|15.0|13085|2009-12-01 07:45:00;3|0.0|NULL|2009-12-01 00:00:00;0|0.5|17850|2009-12-01 07:45:00");
    }

    @Test
    void load_futureDate_isRefused()
    {
        assertRefused("future_date.csv", "future_date.csv, line 3, column 'InvoiceDate': outside the accepted dates 1900-01-01 to 2099-12-31: '2999-12-01 07:46:00'");
    }

    @Test
    void load_ancientDate_isRefused()
    {
        assertRefused("ancient_date.csv", "ancient_date.csv, line 2, column 'InvoiceDate': outside the accepted dates 1900-01-01 to 2099-12-31: '0999-12-01 07:45:00'");
    }

    @Test
    void load_dayFirstDate_isRefusedNotGuessed()
    {
        assertRefused("day_first_date.csv", "day_first_date.csv, line 3, column 'InvoiceDate': not a date and time: '31/12/2009 07:46'");
    }

    @Test
    void load_nulByteInText_isRefusedWithLine()
    {
        assertRefused("nul_byte.csv", "nul_byte.csv, line 3, column 'Description': contains a NUL character: 'y\\0z'");
    }

    @Test
    void load_blankLinesBeforeABadValue_namesThePhysicalLine()
    {
        // lines 3, 4 and 6 are empty; the bad row is the file's seventh line
        assertRefused("blank_lines.csv", "blank_lines.csv, line 7, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": 'two'");
    }

    @Test
    void load_quotedLineBreakBeforeABadValue_namesThePhysicalLine()
    {
        // the first row spans lines 2 and 3
        assertRefused("multiline_description.csv", "multiline_description.csv, line 5, column 'Price': not a number: 'abc'");
    }

    @Test
    void load_byteOrderMarkAndCrlf_areRead()
            throws Exception
    {
        assertThat(reader.load(connection, fixture("bom_crlf.csv"), "bom_crlf.csv", "bom").rowCount()).isEqualTo(1);
        assertThat(single("SELECT Invoice || '|' || Description || '|' || Country FROM bom")).isEqualTo("489434|GLASS BALL, 20 LIGHTS|United Kingdom");
    }

    @Test
    void load_unbalancedQuote_namesTheLine()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("unbalanced_quote.csv"), "unbalanced_quote.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unbalanced_quote.csv, line 4: malformed CSV: Value with unterminated quote found.");
    }

    @Test
    void load_extraColumn_isAWrongHeader()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("extra_column.csv"), "extra_column.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("extra_column.csv, line 1: wrong header: expected Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country but found")
                .hasMessageEndingWith(",Country,Notes");
    }

    @Test
    void load_missingColumn_isAWrongHeader()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("missing_column.csv"), "missing_column.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("but found Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID");
    }

    @Test
    void load_trailingDelimiterOnEveryLine_isRead()
            throws Exception
    {
        assertThat(reader.load(connection, fixture("trailing_delimiter.csv"), "trailing_delimiter.csv", "t").rowCount()).isEqualTo(2);
    }

    @Test
    void load_headerRepeatedInTheData_isRefusedAtItsLine()
    {
        assertRefused("duplicate_header.csv", "duplicate_header.csv, line 3, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": 'Quantity'");
    }

    @Test
    void load_invalidUtf8_isReadAsLatin1AndSaysSoWithTheLine()
            throws Exception
    {
        LoadedTransactions loaded = reader.load(connection, fixture("invalid_utf8.csv"), "invalid_utf8.csv", "latin");

        assertThat(loaded.encoding()).isEqualTo("ISO-8859-1");
        assertThat(loaded.notes()).containsExactly("invalid_utf8.csv: not valid UTF-8 (first at line 3): read as Latin-1 (ISO-8859-1)");
        assertThat(single("SELECT Description FROM latin WHERE Invoice = '2'")).isEqualTo("café crème");
    }

    @Test
    void load_validUtf8_hasNoNotes()
            throws Exception
    {
        LoadedTransactions loaded = reader.load(connection, fixture("bom_crlf.csv"), "bom_crlf.csv", "t");

        assertThat(loaded.encoding()).isEqualTo("UTF-8");
        assertThat(loaded.notes()).isEmpty();
    }

    @Test
    void load_oneLineOfFiftyMegabytes_namesTheLineAndTheLimit()
            throws Exception
    {
        Path file = directory.resolve("long.csv");
        Files.writeString(file, HEADER + "1,A," + "x".repeat(50_000_000) + ",1,2009-12-01 07:45:00,1.0,1,UK\n");

        assertThatThrownBy(() -> reader.load(connection, file, "long.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("long.csv, line 2: the line is longer than 2,000,000 bytes");
    }

    @Test
    void load_longLineAmongNormalOnes_namesTheLine()
            throws Exception
    {
        Path file = directory.resolve("long-among.csv");
        String row = "1,A,x,1,2009-12-01 07:45:00,1.0,1,UK\n";
        Files.writeString(file, HEADER + row.repeat(200_000) + "2,B," + "y".repeat(40_000_000) + ",1,2009-12-01 07:45:00,1.0,1,UK\n" + row.repeat(200_000));

        assertThatThrownBy(() -> reader.load(connection, file, "long-among.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("long-among.csv, line 200002: the line is longer than 2,000,000 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n"})
    void load_longLastLine_namesTheLineWhateverItsLineBreak(String lineBreak)
            throws Exception
    {
        Path file = directory.resolve("long-last.csv");
        String row = "1,A,x,1,2009-12-01 07:45:00,1.0,1,UK" + (lineBreak.isEmpty() ? "\n" : lineBreak);
        Files.writeString(file, HEADER + row.repeat(1_000) + "2,B," + "y".repeat(2_000_000) + ",1,2009-12-01 07:45:00,1.0,1,UK" + lineBreak);

        assertThatThrownBy(() -> reader.load(connection, file, "long-last.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("long-last.csv, line 1002: the line is longer than 2,000,000 bytes");
    }

    @Test
    void load_truncatedGzip_isRefusedNotReadAsFarAsItGoes()
            throws Exception
    {
        byte[] sample = Files.readAllBytes(TestingProject.sampleCsv());
        for (int length : new int[] {100, 300_000, sample.length - 8}) {
            Path truncated = Files.write(directory.resolve("truncated-" + length + ".csv.gz"), java.util.Arrays.copyOf(sample, length));

            assertThatThrownBy(() -> reader.load(connection, truncated, "truncated.csv.gz", "t"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("truncated.csv.gz: the gzip stream is truncated");
        }
    }

    @Test
    void load_csvGzThatIsNotGzip_isRefused()
    {
        assertRefused("not_gzip.csv.gz", "not_gzip.csv.gz: is named .csv.gz but is not gzip-compressed");
    }

    @Test
    void load_textFile_isAnUnsupportedTypeAsTheMessageSays()
    {
        assertRefused("data.txt", "data.txt: unsupported file type: expected one of .csv, .csv.gz, .parquet, .xlsx");
        assertThat(TransactionsReader.FILE_TYPES).containsExactly(".csv", ".csv.gz", ".parquet", ".xlsx");
    }

    @Test
    void load_directory_isNamedAsADirectory()
            throws Exception
    {
        Path folder = Files.createDirectories(directory.resolve("folder.csv"));

        assertThatThrownBy(() -> reader.load(connection, folder, "uploads/folder.csv", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("uploads/folder.csv: is a directory, not a file");
    }

    @Test
    void load_workbookThatIsAZipOfJunk_isAnInvalidInputNamingTheFile()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("junk.xlsx"), "uploads/junk.xlsx", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("uploads/junk.xlsx: cannot be read as an .xlsx workbook: ");
    }

    @Test
    void load_workbookThatIsNotAZip_isAnInvalidInputNamingTheFile()
    {
        assertThatThrownBy(() -> reader.load(connection, fixture("not_a_zip.xlsx"), "uploads/not_a_zip.xlsx", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("uploads/not_a_zip.xlsx: cannot be read as an .xlsx workbook: ");
    }

    @Test
    void load_workbookWithTheWrongHeader_namesTheSheetAndLineOne()
    {
        assertRefused("wrong_header.xlsx", "wrong_header.xlsx (sheet 'Sheet1'), line 1: wrong header: expected Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country"
                + " but found Invoice,StockCode,Description,Qty,InvoiceDate,Price,Customer ID,Country");
    }

    @Test
    void load_workbookWithoutASheet_isRefused()
    {
        assertRefused("no_sheet.xlsx", "no_sheet.xlsx: the workbook has no sheet");
    }

    @Test
    void load_workbookWithOnlyAHeader_isRefused()
    {
        assertRefused("header_only.xlsx", "header_only.xlsx: contains a header but no rows");
    }

    @Test
    void load_workbookWithNotANumberPrice_namesTheSheetRowAndColumn()
    {
        assertRefused("nan_price_workbook.xlsx", "nan_price_workbook.xlsx, line 3, column 'Price': not a finite number: 'NaN'");
    }

    @Test
    void load_parquetWithWrongTypes_refusesTheValuesByTheSameRules()
            throws Exception
    {
        Path parquet = directory.resolve("wrong-types.parquet");
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES ('1', 'A', 'x', 2.0::DOUBLE, TIMESTAMP '2009-12-01 07:45:00', 1.25::DOUBLE, 13085.0::DOUBLE, 'UK'), "
                    + "('2', 'B', 'y', 1.5::DOUBLE, TIMESTAMP '2009-12-01 07:46:00', 'NaN'::DOUBLE, NULL, 'UK')) "
                    + "AS t(Invoice, StockCode, Description, Quantity, InvoiceDate, Price, \"Customer ID\", Country)) TO '" + parquet + "' (FORMAT parquet)");
        }

        assertThatThrownBy(() -> reader.load(connection, parquet, "wrong-types.parquet", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("wrong-types.parquet, line 2, column 'Quantity': " + NOT_AN_INTEGER_QUANTITY + ": '1.5'");
    }

    @Test
    void load_parquetThatIsNotParquet_isAnInvalidInput()
            throws Exception
    {
        Path parquet = Files.writeString(directory.resolve("junk.parquet"), "PAR1 not really");

        assertThatThrownBy(() -> reader.load(connection, parquet, "junk.parquet", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("junk.parquet: cannot be read as Parquet: ");
    }

    @Test
    void load_tinyMemoryLimit_isAFaultThatSaysWhatToChangeNotBadData()
            throws Exception
    {
        try (Connection small = new DuckDb(new DuckDbSettings("1MB", 1, directory.resolve("small"))).openInMemory()) {
            assertThatThrownBy(() -> reader.load(small, TestingProject.sampleCsv(), "sample.csv.gz", "t"))
                    .isInstanceOf(ValidationFaultException.class)
                    .isNotInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("sample.csv.gz: ran out of memory while validating (DuckDB memory_limit ")
                    .hasMessageContaining("raise DUCKSTEP_MEMORY_LIMIT");
        }
    }

    private void assertRefused(String fixture, String message)
    {
        assertThatThrownBy(() -> reader.load(connection, fixture(fixture), fixture, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
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
