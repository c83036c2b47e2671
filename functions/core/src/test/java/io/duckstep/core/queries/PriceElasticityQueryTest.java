package io.duckstep.core.queries;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.duckstep.core.queries.SummaryRows.assertRow;
import static io.duckstep.core.queries.SummaryRows.positionOf;
import static io.duckstep.core.queries.SummaryRows.tolerance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * price_elasticity.sql on the demo sample and on the hand-written fixture.
 * <p>
 * Expected values for the sample come from the independent oracle
 * functions/core/src/test/oracle/summary_oracle.py (Python standard library only, no SQL, Pearson correlation
 * from exact sums, rounded to 12 decimals like the query). Rerun from the project root:
 * {@code python3 functions/core/src/test/oracle/summary_oracle.py --top 3 --products 21034,84997B,72484,22139,18098C,79323W,20993 --customers 16163,14277,12346,18115}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DemoSampleExtension.class)
final class PriceElasticityQueryTest
{
    private static final String QUERY = "price_elasticity";
    private static final String COUNTED_SALES = "regexp_full_match(upper(trim(StockCode)), '[0-9]{5}[A-Z]*') "
            + "AND NOT starts_with(Invoice, 'C') AND Quantity > 0 AND Price > 0";

    private final SummaryQueryDatabase sample;
    private final List<Map<String, Object>> rows;

    PriceElasticityQueryTest(SummaryQueryDatabase sample)
    {
        this.sample = sample;
        this.rows = sample.run(QUERY);
    }

    @Test
    void priceElasticity_demoSample_returnsContractColumnsInOrder()
    {
        assertThat(sample.columns(QUERY)).containsExactly(
                "stock_code VARCHAR",
                "description VARCHAR",
                "recent_elasticity DOUBLE",
                "historical_elasticity DOUBLE",
                "elasticity_change DOUBLE");
    }

    @Test
    void priceElasticity_demoSample_returnsOracleRowAndValueCounts()
    {
        assertThat(rows).hasSize(2576);
        assertThat(sample.countWhere(QUERY, "elasticity_change IS NOT NULL")).isEqualTo(1083);
        assertThat(sample.countWhere(QUERY, "recent_elasticity IS NOT NULL")).isEqualTo(1083);
        assertThat(sample.countWhere(QUERY, "historical_elasticity IS NOT NULL")).isEqualTo(1714);
    }

    @Test
    void priceElasticity_demoSample_topRowsMatchOracle()
    {
        assertRow(rows.get(0), "85017A", "ENVELOPE 50 ROMANTIC IMAGES", 0.971831329485, -0.892050547308, 1.863881876793);
        assertRow(rows.get(1), "85017B", "ENVELOPE 50 BLOSSOM IMAGES", 0.921954445729, -0.934100684983, 1.856055130712);
        assertRow(rows.get(2), "82616B", "FRAPPUCINO SCARF KNITTING KIT", 0.704779124991, -0.770311658468, 1.475090783459);
    }

    @Test
    void duckDbCorr_constantOrSingleValue_returnsNaNThatSortsFirstDescending()
    {
        // the engine behaviour the query works around (observed in DuckDB v2.0.0)
        assertThat((Double) sample.scalar("SELECT corr(x, y) FROM (VALUES (1.0, 2.0), (1.0, 3.0), (1.0, 5.0)) AS t(x, y)")).isNaN();
        assertThat((Double) sample.scalar("SELECT corr(x, y) FROM (VALUES (1.0, 2.0)) AS t(x, y)")).isNaN();
        assertThat(sample.select("SELECT v FROM (VALUES (1.0::DOUBLE), ('NaN'::DOUBLE), (NULL), (-1.0)) AS t(v) ORDER BY abs(v) DESC"))
                .extracting(row -> row.get("v"))
                .containsExactly(Double.NaN, 1.0, -1.0, null);
    }

    @Test
    void priceElasticity_constantPriceProduct_isNullWhereDuckDbCorrIsNaN()
    {
        // 21034 has one price in each period (64 recent, 121 historical counted rows): DuckDB's own CORR is NaN
        Object recentCorrelation = sample.scalar("SELECT corr(Price, Quantity) FROM mydf WHERE StockCode = '21034' AND " + COUNTED_SALES);
        Object historicalCorrelation = sample.scalar("SELECT corr(Price, Quantity) FROM e_commerce.year_09_10 WHERE StockCode = '21034' AND " + COUNTED_SALES);
        assertThat((Double) recentCorrelation).isNaN();
        assertThat((Double) historicalCorrelation).isNaN();

        assertRow(rows.get(positionOf(rows, "stock_code", "21034")), "21034", "REX CASH+CARRY JUMBO SHOPPER", null, null, null);
        // 84997B: one price in the 23 recent rows (NaN -> NULL), several in history
        assertRow(rows.get(positionOf(rows, "stock_code", "84997B")), "84997B", "RED 3 PIECE MINI DOTS CUTLERY SET", null, -0.083277553253, null);
    }

    @Test
    void priceElasticity_fewerThanFiveRows_isNull()
    {
        // 72484 has 4 counted recent rows with two prices: DuckDB would return a number, the query returns NULL
        Object recentCorrelation = sample.scalar("SELECT corr(Price, Quantity) FROM mydf WHERE StockCode = '72484' AND " + COUNTED_SALES);
        assertThat((Double) recentCorrelation).isCloseTo(-0.5148774792058333, tolerance(-0.5148774792058333));

        assertRow(rows.get(positionOf(rows, "stock_code", "72484")), "72484", "ROSES IN WHITE HEART CANDLE", null, -0.63430198895, null);
    }

    @Test
    void priceElasticity_handPickedProducts_matchOracleValuesAndPositions()
    {
        assertThat(positionOf(rows, "stock_code", "18098C")).isEqualTo(223);
        assertRow(rows.get(223), "18098C", "PORCELAIN BUTTERFLY OIL BURNER", -0.124034734589, -0.328127752841, 0.204093018252);
        assertThat(positionOf(rows, "stock_code", "79323W")).isEqualTo(629);
        assertRow(rows.get(629), "79323W", "WHITE CHERRY LIGHTS", -0.287217066046, -0.349163170458, 0.061946104412);
        assertThat(positionOf(rows, "stock_code", "22139")).isEqualTo(876);
        assertRow(rows.get(876), "22139", "RETRO SPOT TEA SET CERAMIC 11 PC", -0.140898558089, -0.158111307334, 0.017212749245);
    }

    @Test
    void priceElasticity_demoSample_containsNoNaN()
    {
        assertThat(sample.countWhere(QUERY, "isnan(recent_elasticity) OR isnan(historical_elasticity) OR isnan(elasticity_change)")).isZero();
    }

    @Test
    void priceElasticity_demoSample_sortsNullChangesLast()
    {
        int firstNull = IntStream.range(0, rows.size())
                .filter(index -> rows.get(index).get("elasticity_change") == null)
                .findFirst()
                .orElseThrow();
        assertThat(firstNull).isEqualTo(1083);
        assertThat(rows.subList(0, firstNull)).allMatch(row -> row.get("elasticity_change") != null);
        assertThat(rows.subList(firstNull, rows.size())).allMatch(row -> row.get("elasticity_change") == null);
        assertThat(rows.subList(firstNull, rows.size())).isSortedAccordingTo(Comparator.comparing(row -> (String) row.get("stock_code")));
    }

    @Test
    void priceElasticity_demoSample_ordersByAbsoluteChangeDescendingThenStockCode()
    {
        List<Map<String, Object>> measured = rows.subList(0, 1083);
        assertThat(measured).isSortedAccordingTo(Comparator
                .comparing((Map<String, Object> row) -> Math.abs((Double) row.get("elasticity_change")), Comparator.reverseOrder())
                .thenComparing(row -> (String) row.get("stock_code")));
    }

    @Test
    void priceElasticity_demoSample_correlationsLieBetweenMinusOneAndOne()
    {
        assertThat(sample.countWhere(QUERY, "abs(recent_elasticity) > 1 OR abs(historical_elasticity) > 1")).isZero();
        assertThat(sample.countWhere(QUERY, "elasticity_change IS DISTINCT FROM recent_elasticity - historical_elasticity")).isZero();
    }

    @Test
    void priceElasticity_handWrittenFixture_returnsValuesComputedByHand()
            throws SQLException
    {
        try (SummaryQueryDatabase database = SummaryQueryDatabase.handWritten()) {
            List<Map<String, Object>> result = database.run(QUERY);

            assertThat(result).hasSize(5);
            // 70007: recent prices 1..5 with quantities 1..5 -> +1, historical 1..5 with 5..1 -> -1
            assertRow(result.get(0), "70007", "LAMP", 1.0, -1.0, 2.0);
            // 10001A: recent prices 1..5 with quantities 5..1 -> -1; historical prices 1..5 with 1,2,3,4,6:
            // deviations (-2,-1,0,1,2) and (-2.2,-1.2,-0.2,0.8,2.8), Sxy = 12, Sxx = 10, Syy = 14.8 -> 12 / sqrt(148) = 6 / sqrt(37)
            double historical = 6 / Math.sqrt(37);
            assertRow(result.get(1), "10001A", "RED MUG", -1.0, historical, -1.0 - historical);
            // 20002: recent price constant at 2.0 (DuckDB CORR NaN) -> NULL; historical quantity = 2 * price - 3 -> +1
            assertRow(result.get(2), "20002", "BLUE BOWL", null, 1.0, null);
            // 30003: 2 recent and 3 historical rows, below the minimum of 5
            assertRow(result.get(3), "30003", "GREEN VASE", null, null, null);
            // 60006: 1 recent row, historical price constant
            assertRow(result.get(4), "60006", "TEA TOWEL", null, null, null);
        }
    }
}
