package io.duckstep.lambda.support;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per event, with the execution name as the correlation id, so a run can be followed across
 * functions in CloudWatch Logs Insights. Callers pass identifiers and counts, never payload data or secrets.
 */
public final class StructuredLog
{
    private StructuredLog() {}

    public static void info(LambdaLogger logger, String correlationId, String message, Map<String, Object> fields)
    {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("correlationId", correlationId);
        line.put("message", message);
        line.putAll(fields);
        try {
            logger.log(LambdaJson.MAPPER.writeValueAsString(line) + "\n");
        }
        catch (Exception e) {
            logger.log("{\"level\":\"WARN\",\"message\":\"log line could not be written\"}\n");
        }
    }
}
