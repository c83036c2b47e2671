package io.duckstep.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTypesTest
{
    @Test
    void suffixes_areTheFourFormats()
    {
        assertThat(UploadTypes.SUFFIXES).containsExactly(".csv", ".csv.gz", ".parquet", ".xlsx");
    }

    @Test
    void typeOf_ignoresCase()
    {
        assertThat(UploadTypes.typeOf("uploads/Sales.CSV.GZ")).contains(".csv.gz");
        assertThat(UploadTypes.typeOf("sales.xlsx")).contains(".xlsx");
        assertThat(UploadTypes.typeOf("notes.txt")).isEmpty();
        assertThat(UploadTypes.accepted("data.parquet")).isTrue();
        assertThat(UploadTypes.accepted("data.json")).isFalse();
    }
}
