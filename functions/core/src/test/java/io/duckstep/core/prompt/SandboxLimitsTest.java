package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDbSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxLimitsTest
{
    @Test
    void of_duckDbSizes_areReadAsDuckDbReadsThem()
    {
        // DuckDB: KB/MB/GB are powers of 1000, KiB/MiB/GiB powers of 1024
        assertThat(SandboxLimits.of(new DuckDbSettings("2GB", 1, Path.of("w"))).memoryLimitBytes()).isEqualTo(2_000_000_000L);
        assertThat(SandboxLimits.of(new DuckDbSettings("1228MB", 1, Path.of("w"))).memoryLimitBytes()).isEqualTo(1_228_000_000L);
        assertThat(SandboxLimits.of(new DuckDbSettings("256MiB", 1, Path.of("w"))).memoryLimitBytes()).isEqualTo(268_435_456L);
    }

    @Test
    void of_defaults_areThirtySecondsFiftyRowsEightKilobytesAndAQuarterGigabyteMargin()
    {
        SandboxLimits limits = SandboxLimits.of(new DuckDbSettings("1GiB", 1, Path.of("w")));

        assertThat(limits.timeout()).hasSeconds(30);
        assertThat(limits.rowCap()).isEqualTo(50);
        assertThat(limits.characterCap()).isEqualTo(8192);
        assertThat(limits.residentLimitBytes()).isEqualTo((1024L + 256) << 20);
        assertThat(limits.dataLimitBytes()).isLessThan(limits.residentLimitBytes()).isGreaterThan(limits.memoryLimitBytes());
        assertThat(limits.duckDbMemoryLimit()).isEqualTo("1024MiB");
    }

    @Test
    void of_tinyDuckDbLimit_givesTheSandboxSixteenMebibytes()
    {
        // a process configured with 1 MB for DuckDB still wires a sandbox (its summary tasks fail with that limit, as they should)
        assertThat(SandboxLimits.of(new DuckDbSettings("1MB", 1, Path.of("w"))).memoryLimitBytes()).isEqualTo(16L << 20);
    }

    @Test
    void of_percentOrGarbage_isRefused()
    {
        assertThatThrownBy(() -> SandboxLimits.of(new DuckDbSettings("80%", 1, Path.of("w"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("80%");
    }
}
