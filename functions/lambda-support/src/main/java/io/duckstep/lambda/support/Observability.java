package io.duckstep.lambda.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Powertools for AWS Lambda around one invocation, through its functional API (no AspectJ): every log line carries
 * Powertools' fields (cold_start, function_request_id, function_name, service) and the run's {@code execution_name}
 * and workflow {@code state}; the metrics recorded during the invocation are flushed as one EMF document in the
 * {@value #NAMESPACE} namespace. Log identifiers and counts, never payload data or secrets.
 */
public final class Observability
{
    public static final String NAMESPACE = "DuckStep";
    public static final String EXECUTION_NAME = "execution_name";
    public static final String STATE = "state";

    private static final Metrics METRICS = MetricsBuilder.builder().withNamespace(NAMESPACE).withRaiseOnEmptyMetrics(false).build();

    private Observability() {}

    /**
     * Runs a handler's body with the invocation's log fields, then flushes its metrics. The body names the execution
     * with {@link #executionName} once it has read its input.
     *
     * @param state the workflow state the function serves
     */
    public static <T> T invocation(Context context, String state, Supplier<T> body)
    {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put(STATE, state);
            try {
                return body.get();
            }
            finally {
                METRICS.flush();
                MDC.remove(EXECUTION_NAME);
                MDC.remove(STATE);
            }
        });
    }

    public static void invocation(Context context, String state, Runnable body)
    {
        invocation(context, state, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Reads a task's input as {@code type}; the execution name it carries as {@code runId} (the definitions pass
     * {@code $$.Execution.Name}) goes on the invocation's further log lines.
     */
    public static <T> T request(InputStream input, Class<T> type)
    {
        JsonNode node = LambdaJson.read(input, JsonNode.class);
        executionName(node.path("runId").isTextual() ? node.path("runId").asText() : null);
        return LambdaJson.convert(node, type);
    }

    /** The Step Functions execution name (the run id) on the invocation's further log lines; null where the input carries none. */
    public static void executionName(String executionName)
    {
        if (executionName != null) {
            MDC.put(EXECUTION_NAME, executionName);
        }
    }

    public static void count(String metric, double value)
    {
        METRICS.addMetric(metric, value, MetricUnit.COUNT);
    }

    public static void milliseconds(String metric, double value)
    {
        METRICS.addMetric(metric, value, MetricUnit.MILLISECONDS);
    }
}
