package io.duckstep.lambda.support;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads a handler's record from the invocation payload and writes its record back, with one Jackson
 * configuration for every function (records supported, unknown fields ignored).
 */
public final class LambdaJson
{
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private LambdaJson() {}

    public static <T> T read(InputStream input, Class<T> type)
    {
        try {
            return MAPPER.readValue(input, type);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Invalid " + type.getSimpleName() + " payload: " + e.getMessage(), e);
        }
    }

    /** A payload already read as a tree, as {@code type}; a payload that does not fit fails as {@link #read} does. */
    public static <T> T convert(JsonNode payload, Class<T> type)
    {
        try {
            return MAPPER.treeToValue(payload, type);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Invalid " + type.getSimpleName() + " payload: " + e.getMessage(), e);
        }
    }

    public static void write(OutputStream output, Object value)
    {
        try {
            MAPPER.writeValue(output, value);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the function's result", e);
        }
    }
}
