package io.duckstep.core.queries;

import io.duckstep.core.query.PackagedQueries;
import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The three packaged summary queries on the real sample, in the demo's scenario (history = the whole
 * sample, recent = its rows before 2009-12-10). Expected values come from an independent oracle written in
 * plain Python with no SQL: {@code python3 functions/core/src/test/oracle/summary_oracle.py}.
 * The tables are built here with DuckDB's own CSV reader and explicit types, independently of the loader.
 */
class SummaryQueriesTest
{
    private static final double TOLERANCE = 1e-9;

    private static Connection connection;

    @BeforeAll
    static void setUp()
            throws SQLException
    {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA e_commerce");
            statement.execute("CREATE TABLE e_commerce.year_09_10 AS SELECT * FROM read_csv('" + TestingProject.sampleCsv() + "', header = true, columns = {"
                    + "'Invoice': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'TIMESTAMP',"
                    + " 'Price': 'DOUBLE', 'Customer ID': 'INTEGER', 'Country': 'VARCHAR'})");
            statement.execute("CREATE TABLE mydf AS SELECT * FROM e_commerce.year_09_10 WHERE InvoiceDate < TIMESTAMP '2009-12-10'");
        }
    }

    @AfterAll
    static void tearDown()
            throws SQLException
    {
        connection.close();
    }

    @Test
    void salesTrends_sample_matchesTheOracle()
            throws SQLException
    {
        List<List<Object>> rows = run(PackagedQueries.SALES_TRENDS);

        assertThat(rows).hasSize(2596);
        assertThat(columns(PackagedQueries.SALES_TRENDS)).containsExactly(
                "stock_code", "description", "recent_avg_quantity", "historical_avg_quantity", "avg_quantity_change");
        // largest rise: 72045D ROSES ON BLUE TEACUP CANDLE, 504.0 recent vs 104.8 historical
        assertThat(rows.get(0).subList(0, 2)).containsExactly("72045D", "ROSES ON BLUE TEACUP CANDLE");
        assertThat((double) rows.get(0).get(2)).isCloseTo(504.0, within(TOLERANCE));
        assertThat((double) rows.get(0).get(3)).isCloseTo(104.8, within(TOLERANCE));
        assertThat((double) rows.get(1).get(4)).isCloseTo(190.88888888888886, within(TOLERANCE));
        // largest fall: 20993 JAZZ HEARTS MEMO PAD, 1.0 vs 730.846...
        List<Object> last = rows.get(rows.size() - 1);
        assertThat(last.subList(0, 2)).containsExactly("20993", "JAZZ HEARTS MEMO PAD");
        assertThat((double) last.get(4)).isCloseTo(-729.8461538461538, within(TOLERANCE));
        assertThat(rows).extracting(row -> (Double) row.get(4)).isSortedAccordingTo((left, right) -> Double.compare(right, left));
    }

    @Test
    void salesTrends_nonProductCodes_areExcluded()
            throws SQLException
    {
        assertThat(run(PackagedQueries.SALES_TRENDS)).extracting(row -> (String) row.get(0))
                .doesNotContain("POST", "DOT", "M", "ADJUST", "C2", "BANK CHARGES", "TEST001", "DCGS0076", "gift_0001_30");
    }

    @Test
    void priceElasticity_sample_matchesTheOracle()
            throws SQLException
    {
        List<List<Object>> rows = run(PackagedQueries.PRICE_ELASTICITY);

        assertThat(rows).hasSize(2596);
        assertThat(rows).filteredOn(row -> row.get(4) != null).hasSize(1301);
        assertThat(rows.get(0).subList(0, 2)).containsExactly("85017A", "ENVELOPE 50 ROMANTIC IMAGES");
        assertThat((double) rows.get(0).get(2)).isCloseTo(0.9718313294850354, within(TOLERANCE));
        assertThat((double) rows.get(0).get(3)).isCloseTo(-0.8920505473079046, within(TOLERANCE));
        assertThat((double) rows.get(0).get(4)).isCloseTo(1.86388187679294, within(TOLERANCE));
        List<Object> heart = row(rows, "85123A");
        assertThat((double) heart.get(2)).isCloseTo(-0.1378476098296035, within(TOLERANCE));
        assertThat((double) heart.get(3)).isCloseTo(-0.1437142817772862, within(TOLERANCE));
    }

    @Test
    void priceElasticity_constantPriceGroup_isNullNotNaNAndSortsLast()
            throws SQLException
    {
        List<List<Object>> rows = run(PackagedQueries.PRICE_ELASTICITY);

        // 22194: six recent lines at one price (CORR is NaN in DuckDB), historical -0.8687709729807782 (from the oracle)
        List<Object> constant = row(rows, "22194");
        assertThat(constant.get(2)).isNull();
        assertThat((double) constant.get(3)).isCloseTo(-0.8687709729807782, within(TOLERANCE));
        assertThat(constant.get(4)).isNull();
        assertThat(rows).noneMatch(row -> row.stream().anyMatch(value -> value instanceof Double number && number.isNaN()));
        int firstNull = rows.indexOf(rows.stream().filter(row -> row.get(4) == null).findFirst().orElseThrow());
        assertThat(rows.subList(firstNull, rows.size())).allMatch(row -> row.get(4) == null);
        assertThat(rows.subList(0, firstNull)).extracting(row -> Math.abs((Double) row.get(4)))
                .isSortedAccordingTo((left, right) -> Double.compare(right, left));
    }

    @Test
    void customerSegmentation_sample_matchesTheOracle()
            throws SQLException
    {
        List<List<Object>> rows = run(PackagedQueries.CUSTOMER_SEGMENTATION);

        assertThat(rows).hasSize(1179);
        assertThat(columns(PackagedQueries.CUSTOMER_SEGMENTATION)).containsExactly("customer_id", "recent_transactions", "historical_transactions",
                "transactions_change", "recent_spend", "historical_spend", "spend_change", "recent_spend_percentage");
        // 17940: 1 recent invoice vs 2, spend 4380.0 vs 3119.04 (net of a later cancellation), 140.43%
        assertThat(rows.get(0).subList(0, 4)).containsExactly(17940, 1L, 2L, -1L);
        assertThat((double) rows.get(0).get(4)).isCloseTo(4380.0, within(1e-6));
        assertThat((double) rows.get(0).get(5)).isCloseTo(3119.04, within(1e-6));
        assertThat((double) rows.get(0).get(7)).isCloseTo(140.42782394582946, within(1e-6));
        // 13085, the file's first customer: 4 vs 6 invoices, 1096.80 vs 2017.20, 54.372...%
        List<Object> first = row(rows, 13085);
        assertThat(first.subList(1, 4)).containsExactly(4L, 6L, -2L);
        assertThat((double) first.get(4)).isCloseTo(1096.80, within(1e-6));
        assertThat((double) first.get(5)).isCloseTo(2017.20, within(1e-6));
        assertThat((double) first.get(7)).isCloseTo(54.3723973825104, within(1e-6));
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo(14156);
    }

    @Test
    void customerSegmentation_cancellationsOnly_countNoTransactionButNetSpend()
            throws SQLException
    {
        // 12349 only cancelled in the sample: no transaction, spend -24.15 in both periods, no percentage
        List<Object> canceller = row(run(PackagedQueries.CUSTOMER_SEGMENTATION), 12349);

        assertThat(canceller.subList(1, 4)).containsExactly(0L, 0L, 0L);
        assertThat((double) canceller.get(4)).isCloseTo(-24.15, within(1e-6));
        assertThat(canceller.get(7)).isNull();
    }

    @Test
    void customerSegmentation_nullCustomerIds_areExcluded()
            throws SQLException
    {
        assertThat(run(PackagedQueries.CUSTOMER_SEGMENTATION)).noneMatch(row -> row.get(0) == null);
    }

    private static List<Object> row(List<List<Object>> rows, Object key)
    {
        return rows.stream().filter(row -> key.equals(row.get(0))).findFirst().orElseThrow(() -> new AssertionError("no row for " + key));
    }

    private static List<List<Object>> run(String query)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(PackagedQueries.sql(query))) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int column = 1; column <= width; column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> columns(String query)
            throws SQLException
    {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM (" + PackagedQueries.sql(query) + ") LIMIT 0")) {
            for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                names.add(result.getMetaData().getColumnName(column));
            }
        }
        return names;
    }
}
