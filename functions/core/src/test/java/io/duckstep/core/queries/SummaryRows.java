package io.duckstep.core.queries;

import org.assertj.core.data.Offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Assertions over result rows of the summary queries. Doubles are compared within 1e-9 relative (1e-9 absolute
 * near zero): the expected values come from exact arithmetic (the oracle script or a hand computation), the
 * query computes in floating point.
 */
final class SummaryRows
{
    private SummaryRows()
    {
    }

    static Offset<Double> tolerance(double expected)
    {
        return within(1e-9 * Math.max(1.0, Math.abs(expected)));
    }

    /** Asserts every column of {@code row}, in column order; a Double expectation is compared with {@link #tolerance}. */
    static void assertRow(Map<String, Object> row, Object... expected)
    {
        List<String> columns = new ArrayList<>(row.keySet());
        assertThat(columns).as("columns of %s", row).hasSize(expected.length);
        for (int index = 0; index < expected.length; index++) {
            String column = columns.get(index);
            Object actual = row.get(column);
            if (expected[index] instanceof Double value) {
                assertThat(actual).as("%s of %s, expected %s", column, row, Arrays.toString(expected)).isInstanceOf(Double.class);
                assertThat((Double) actual).as("%s of %s, expected %s", column, row, Arrays.toString(expected))
                        .isCloseTo(value, tolerance(value));
            }
            else {
                assertThat(actual).as("%s of %s, expected %s", column, row, Arrays.toString(expected)).isEqualTo(expected[index]);
            }
        }
    }

    /** Zero-based position of the first row whose {@code column} equals {@code value}; fails when there is none. */
    static int positionOf(List<Map<String, Object>> rows, String column, Object value)
    {
        for (int index = 0; index < rows.size(); index++) {
            if (value.equals(rows.get(index).get(column))) {
                return index;
            }
        }
        throw new AssertionError("No row with " + column + " = " + value);
    }
}
