package io.duckstep.core.queries;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.duckstep.core.queries.SummaryRows.assertRow;
import static io.duckstep.core.queries.SummaryRows.positionOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sales_trends.sql on the demo sample and on the hand-written fixture.
 * <p>
 * Expected values for the sample come from the independent oracle
 * functions/core/src/test/oracle/summary_oracle.py (Python standard library only, no SQL, exact arithmetic).
 * Rerun from the project root:
 * {@code python3 functions/core/src/test/oracle/summary_oracle.py --top 3 --products 21034,84997B,72484,22139,18098C,79323W,20993 --customers 16163,14277,12346,18115}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DemoSampleExtension.class)
final class SalesTrendsQueryTest
{
    private static final String QUERY = "sales_trends";

    private final SummaryQueryDatabase sample;
    private final List<Map<String, Object>> rows;

    SalesTrendsQueryTest(SummaryQueryDatabase sample)
    {
        this.sample = sample;
        this.rows = sample.run(QUERY);
    }

    @Test
    void salesTrends_demoSample_returnsContractColumnsInOrder()
    {
        assertThat(sample.columns(QUERY)).containsExactly(
                "stock_code VARCHAR",
                "description VARCHAR",
                "recent_avg_quantity DOUBLE",
                "historical_avg_quantity DOUBLE",
                "avg_quantity_change DOUBLE");
    }

    @Test
    void salesTrends_demoSample_returnsOracleRowCount()
    {
        // products with a counted sale in both periods, according to the oracle
        assertThat(rows).hasSize(2576);
    }

    @Test
    void salesTrends_demoSample_topRowsMatchOracle()
    {
        assertRow(rows.get(0), "72045D", "ROSES ON BLUE TEACUP CANDLE", 504.0, 104.8, 399.2);
        assertRow(rows.get(1), "21984", "PACK OF 12 PINK PAISLEY TISSUES", 464.55555555555554, 273.6666666666667, 190.88888888888889);
        assertRow(rows.get(2), "84912A", "PINK ROSE WASHBAG", 301.0, 151.75, 149.25);
        assertRow(rows.get(rows.size() - 1), "20993", "JAZZ HEARTS MEMO PAD", 1.0, 730.8461538461538, -729.8461538461538);
    }

    @Test
    void salesTrends_handPickedProducts_matchOracleValuesAndPositions()
    {
        // description stored with a leading space: trimmed
        assertThat(positionOf(rows, "stock_code", "79323W")).isEqualTo(382);
        assertRow(rows.get(382), "79323W", "WHITE CHERRY LIGHTS", 9.016949152542374, 7.959677419354839, 1.057271733187534);
        // two descriptions: the most frequent one wins
        assertThat(positionOf(rows, "stock_code", "22139")).isEqualTo(529);
        assertRow(rows.get(529), "22139", "RETRO SPOT TEA SET CERAMIC 11 PC", 4.965909090909091, 4.457142857142857, 0.5087662337662338);
        // sold as 18098C and as 18098c: one product
        assertThat(positionOf(rows, "stock_code", "18098C")).isEqualTo(1961);
        assertRow(rows.get(1961), "18098C", "PORCELAIN BUTTERFLY OIL BURNER", 2.0, 3.775, -1.775);
        assertThat(positionOf(rows, "stock_code", "72484")).isEqualTo(2367);
        assertRow(rows.get(2367), "72484", "ROSES IN WHITE HEART CANDLE", 13.25, 22.046511627906977, -8.796511627906977);
    }

    @Test
    void salesTrends_demoSample_ordersByChangeDescendingThenStockCode()
    {
        assertThat(rows).isSortedAccordingTo(Comparator
                .comparing((Map<String, Object> row) -> (Double) row.get("avg_quantity_change"), Comparator.reverseOrder())
                .thenComparing(row -> (String) row.get("stock_code")));
    }

    @Test
    void salesTrends_demoSample_listsOnlyUpperCaseProductCodes()
    {
        assertThat(rows).extracting(row -> (String) row.get("stock_code"))
                .allMatch(code -> code.matches("[0-9]{5}[A-Z]*"), "five digits and optional upper-case letters")
                .doesNotContain("POST", "DOT", "M", "D", "C2", "ADJUST", "BANK CHARGES", "PADS", "TEST001", "18098c")
                .doesNotHaveDuplicates();
    }

    @Test
    void salesTrends_demoSample_averagesArePositive()
    {
        // cancellations and stock adjustments (negative quantities) are not averaged in
        assertThat(sample.countWhere(QUERY, "recent_avg_quantity <= 0 OR historical_avg_quantity <= 0")).isZero();
        assertThat(sample.countWhere(QUERY, "description IS NULL")).isZero();
    }

    @Test
    void salesTrends_handWrittenFixture_returnsValuesComputedByHand()
            throws SQLException
    {
        // tiny_recent.csv / tiny_historical.csv; counted rows are those with a product code, Quantity > 0,
        // Price > 0 and an invoice not starting with 'C'.
        try (SummaryQueryDatabase database = SummaryQueryDatabase.handWritten()) {
            List<Map<String, Object>> result = database.run(QUERY);

            assertThat(result).hasSize(5);
            // 20002: recent quantities 1..5 -> 3, historical 1,1,1,1,5 -> 1.8; descriptions BOWL BLUE 5 x, BLUE BOWL 5 x: tie -> first alphabetically
            assertRow(result.get(0), "20002", "BLUE BOWL", 3.0, 1.8, 1.2);
            // 70007: 1..5 in both periods
            assertRow(result.get(1), "70007", "LAMP", 3.0, 3.0, 0.0);
            // 10001A (+ 10001a): recent 5,4,3,2,1 -> 3 (cancellation -5, free 100 and adjustment -10 left out),
            // historical 1,2,3,4,6 -> 3.2; RED MUG 5 counted rows, CUP RED 4 (its 3 uncounted rows do not count)
            assertRow(result.get(2), "10001A", "RED MUG", 3.0, 3.2, -0.2);
            // 60006: recent 1, historical 1,1,1,1,2 -> 1.2: same change as 10001A, after it by stock code
            assertRow(result.get(3), "60006", "TEA TOWEL", 1.0, 1.2, -0.2);
            // 30003: recent 1,3 -> 2, historical 2,4,6 -> 4; 'NA' and empty descriptions are not descriptions
            assertRow(result.get(4), "30003", "GREEN VASE", 2.0, 4.0, -2.0);
            // 40004 (history only), 50005 (recent only), POST, DCGS0058, gift_0001_20, TEST001 are not listed
        }
    }
}
