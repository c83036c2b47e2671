package io.duckstep.lambda.trigger;

import io.duckstep.lambda.support.LambdaJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which uploads start a run: exactly the formats the README names ({@code .csv}, {@code .csv.gz}, {@code .parquet},
 * {@code .xlsx}, in any case); any other object under the prefix starts nothing.
 */
class UploadTriggerTest
{
    @ParameterizedTest
    @ValueSource(strings = {"uploads/sales.csv", "uploads/sales.csv.gz", "uploads/sales.parquet", "uploads/sales.xlsx",
            "uploads/SALES.CSV", "uploads/2009/Sales.Csv.Gz", "uploads/sales.PARQUET", "uploads/sales.XLSX"})
    void handle_acceptedUploadName_startsOneRun(String key)
    {
        List<String> started = new ArrayList<>();

        TriggerResult result = trigger(started).handle(event(key));

        assertThat(result.started()).isTrue();
        assertThat(result.reason()).isEqualTo("started");
        assertThat(started).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uploads/sales.gz", "uploads/sales.json.gz", "uploads/sales.tar.gz", "uploads/sales.parquet.gz",
            "uploads/sales.txt", "uploads/sales.xls", "uploads/sales.csv.zip", "uploads/csv", "uploads/sales.csvx"})
    void handle_otherName_isIgnoredAndStartsNothing(String key)
    {
        List<String> started = new ArrayList<>();

        TriggerResult result = trigger(started).handle(event(key));

        assertThat(result.started()).isFalse();
        assertThat(result.executionName()).isNull();
        assertThat(result.reason()).isEqualTo("ignored: not a .csv, .csv.gz, .parquet or .xlsx file");
        assertThat(started).isEmpty();
    }

    @Test
    void handle_gzippedJsonUploadEvent_isIgnored()
            throws Exception
    {
        List<String> started = new ArrayList<>();
        ObjectCreatedEvent event;
        try (InputStream input = UploadTriggerTest.class.getResourceAsStream("/events/s3-object-created-json-gz.json")) {
            event = LambdaJson.read(input, ObjectCreatedEvent.class);
        }

        TriggerResult result = trigger(started).handle(event);

        assertThat(result.upload()).isEqualTo("s3://duckstep-data/uploads/online_retail_2009-12.json.gz");
        assertThat(result.started()).isFalse();
        assertThat(started).isEmpty();
    }

    private static UploadTrigger trigger(List<String> started)
    {
        return new UploadTrigger("uploads/", (name, input) -> started.add(name));
    }

    private static ObjectCreatedEvent event(String key)
    {
        return new ObjectCreatedEvent("Object Created", "aws.s3",
                new ObjectCreatedEvent.Detail(new ObjectCreatedEvent.Bucket("duckstep-data"), new ObjectCreatedEvent.S3Object(key, 100L, "etag-1", "version-1")));
    }
}
