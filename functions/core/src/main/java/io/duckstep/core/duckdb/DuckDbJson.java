package io.duckstep.core.duckdb;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DuckDB's {@code to_json} writes NaN and infinities as bare words, which JSON parsers refuse. This reads
 * DuckDB's text leniently and writes it back as standard JSON (such numbers become the strings "NaN",
 * "Infinity"), leaving everything else as it was.
 */
public final class DuckDbJson
{
    private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private DuckDbJson() {}

    public static String standard(String duckDbJson)
    {
        if (!duckDbJson.contains("NaN") && !duckDbJson.contains("Infinity")) {
            return duckDbJson;
        }
        try {
            return LENIENT.writeValueAsString(LENIENT.readTree(duckDbJson));
        }
        catch (IOException e) {
            throw new UncheckedIOException("DuckDB produced text that is not JSON", e);
        }
    }
}
