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
 * customer_segmentation.sql on the demo sample and on the hand-written fixture.
 * <p>
 * Expected values for the sample come from the independent oracle
 * functions/core/src/test/oracle/summary_oracle.py (Python standard library only, no SQL, exact Decimal sums).
 * Rerun from the project root:
 * {@code python3 functions/core/src/test/oracle/summary_oracle.py --top 3 --products 21034,84997B,72484,22139,18098C,79323W,20993 --customers 16163,14277,12346,18115}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(DemoSampleExtension.class)
final class CustomerSegmentationQueryTest
{
    private static final String QUERY = "customer_segmentation";

    private final SummaryQueryDatabase sample;
    private final List<Map<String, Object>> rows;

    CustomerSegmentationQueryTest(SummaryQueryDatabase sample)
    {
        this.sample = sample;
        this.rows = sample.run(QUERY);
    }

    @Test
    void customerSegmentation_demoSample_returnsContractColumnsInOrder()
    {
        assertThat(sample.columns(QUERY)).containsExactly(
                "customer_id INTEGER",
                "recent_transactions BIGINT",
                "historical_transactions BIGINT",
                "transactions_change BIGINT",
                "recent_spend DOUBLE",
                "historical_spend DOUBLE",
                "spend_change DOUBLE",
                "recent_spend_percentage DOUBLE");
    }

    @Test
    void customerSegmentation_demoSample_returnsOracleRowCount()
    {
        // every customer with a row in either period (the sample has 1,179 distinct customer IDs)
        assertThat(rows).hasSize(1179);
        assertThat(sample.countWhere(QUERY, "recent_spend_percentage IS NOT NULL")).isEqualTo(1068);
    }

    @Test
    void customerSegmentation_demoSample_topRowsMatchOracle()
    {
        assertRow(rows.get(0), 17940, 1L, 2L, -1L, 4380.0, 3119.04, 1260.96, 140.4278239458295);
        // only cancellations, in January: no transaction, negative net spend, no percentage
        assertRow(rows.get(1), 17943, 0L, 0L, 0L, 0.0, -165.03, 165.03, null);
        assertRow(rows.get(2), 12533, 1L, 1L, 0L, 929.92, 798.52, 131.4, 116.45544256875219);
    }

    @Test
    void customerSegmentation_customerWithCancellations_countsOnlyPurchaseInvoices()
    {
        // 16163 has 6 distinct recent invoices: 489679 and 490921 are purchases, C490051, C490544, C490923 and
        // C491040 cancellations; in January one more cancellation, C493807.
        assertThat(sample.scalar("SELECT count(DISTINCT Invoice) FROM mydf WHERE \"Customer ID\" = 16163")).isEqualTo(6L);

        assertThat(positionOf(rows, "customer_id", 16163)).isEqualTo(41);
        assertRow(rows.get(41), 16163, 2L, 2L, 0L, 740.73, 726.83, 13.9, 101.91241418213338);
    }

    @Test
    void customerSegmentation_onlyCancellationsRecently_hasNoRecentTransactionAndNoPercentage()
    {
        assertThat(positionOf(rows, "customer_id", 14277)).isEqualTo(839);
        assertRow(rows.get(839), 14277, 0L, 1L, -1L, -761.3, -406.85, -354.45, null);
    }

    @Test
    void customerSegmentation_testLines_areLeftOut()
    {
        // 12346's four invoices are TEST001 'This is a test product.' lines; what remains is one ADJUST cancellation
        assertThat(positionOf(rows, "customer_id", 12346)).isEqualTo(5);
        assertRow(rows.get(5), 12346, 0L, 0L, 0L, 0.0, -103.5, 103.5, null);
    }

    @Test
    void customerSegmentation_lapsedCustomer_hasZeroPercentage()
    {
        assertThat(positionOf(rows, "customer_id", 18115)).isEqualTo(465);
        assertRow(rows.get(465), 18115, 0L, 1L, -1L, 0.0, 9.7, -9.7, 0.0);
    }

    @Test
    void customerSegmentation_demoSample_hasNoNullCustomer()
    {
        assertThat(sample.countWhere(QUERY, "customer_id IS NULL")).isZero();
        assertThat(rows).extracting(row -> row.get("customer_id")).doesNotHaveDuplicates();
    }

    @Test
    void customerSegmentation_demoSample_ordersBySpendChangeDescendingThenCustomer()
    {
        assertThat(rows).isSortedAccordingTo(Comparator
                .comparing((Map<String, Object> row) -> (Double) row.get("spend_change"), Comparator.reverseOrder())
                .thenComparing(row -> (Integer) row.get("customer_id")));
    }

    @Test
    void customerSegmentation_demoSample_percentageIsNullExactlyWhenHistoricalSpendIsNotPositive()
    {
        assertThat(sample.countWhere(QUERY, "(recent_spend_percentage IS NULL) <> (historical_spend <= 0)")).isZero();
        assertThat(sample.countWhere(QUERY, "isnan(recent_spend_percentage) OR isinf(recent_spend_percentage)")).isZero();
        assertThat(sample.countWhere(QUERY, "transactions_change <> recent_transactions - historical_transactions")).isZero();
    }

    @Test
    void customerSegmentation_handWrittenFixture_returnsValuesComputedByHand()
            throws SQLException
    {
        try (SummaryQueryDatabase database = SummaryQueryDatabase.handWritten()) {
            List<Map<String, Object>> result = database.run(QUERY);

            assertThat(result).hasSize(5);
            // new customer: LAMP 1x1 + 2x2 + 3x3 + 4x4 + 5x5 = 55, no history -> no percentage
            assertRow(result.get(0), 22222, 1L, 0L, 1L, 55.0, 0.0, 55.0, null);
            // history 10 x 1.5 bought and cancelled -> net 0 -> no percentage, recent 10 x 1.5 = 15
            assertRow(result.get(1), 44444, 1L, 1L, 0L, 15.0, 0.0, 15.0, null);
            // new customer, a POSTAGE line only (15): same change as 44444, after it by customer id
            assertRow(result.get(2), 55555, 1L, 0L, 1L, 15.0, 0.0, 15.0, null);
            // recent: invoice 900001 = 5x1 + 4x2 + POST 10 = 23, cancellation C900002 = -5 -> 18, one transaction;
            // history: 800001 = 1x1 + 2x2 = 5, 800002 = 5x4 = 20 -> 25, two transactions; 18 / 25 = 72 %
            assertRow(result.get(3), 12345, 1L, 2L, -1L, 18.0, 25.0, -7.0, 72.0);
            // lapsed customer: LAMP 5x1 + 4x2 + 3x3 + 2x4 + 1x5 = 35 in history only
            assertRow(result.get(4), 33333, 0L, 1L, -1L, 0.0, 35.0, -35.0, 0.0);
            // 12346 (TEST001 only) and the guest rows (no Customer ID) are not listed
        }
    }
}
