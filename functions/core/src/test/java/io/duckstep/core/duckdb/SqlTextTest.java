package io.duckstep.core.duckdb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextTest
{
    @Test
    void withoutTrailingSemicolons_trailingSemicolonsAndSpace_areRemoved()
    {
        assertThat(SqlText.withoutTrailingSemicolons("  SELECT 1 ; ;\n")).isEqualTo("SELECT 1");
    }
}
