package io.duckstep.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunIdsTest
{
    @Test
    void isRunId_executionNames_areRunIds()
    {
        assertThat(RunIds.isRunId("upload-online_retail-0123456789abcdef01234567")).isTrue();
        assertThat(RunIds.isRunId("run.2026-12-01")).isTrue();
        assertThat(RunIds.isRunId("x".repeat(80))).isTrue();
    }

    @Test
    void isRunId_pathsAndOtherCharacters_areNot()
    {
        assertThat(RunIds.isRunId(".")).isFalse();
        assertThat(RunIds.isRunId("..")).isFalse();
        assertThat(RunIds.isRunId("a/b")).isFalse();
        assertThat(RunIds.isRunId("")).isFalse();
        assertThat(RunIds.isRunId(null)).isFalse();
        assertThat(RunIds.isRunId("x".repeat(81))).isFalse();
    }
}
