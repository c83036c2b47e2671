package io.duckstep.contract;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the functions read, named once: the handlers' settings read them and the CDK app sets
 * them with these same constants. A required variable that is absent or blank is an {@link IllegalStateException}
 * naming it; values are stripped.
 */
public final class EnvironmentVariables
{
    /** Set by Lambda: the function's region. */
    public static final String AWS_REGION = "AWS_REGION";
    /** Set by Lambda: the function's memory size in megabytes. */
    public static final String AWS_LAMBDA_FUNCTION_MEMORY_SIZE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /** Where runs write their files, {@code s3://<bucket>/runs}. */
    public static final String DUCKSTEP_RUNS_PREFIX = "DUCKSTEP_RUNS_PREFIX";
    /** Where uploads are, {@code s3://<bucket>/uploads/}. */
    public static final String DUCKSTEP_UPLOADS_PREFIX = "DUCKSTEP_UPLOADS_PREFIX";
    /** The data bucket's name. */
    public static final String DUCKSTEP_BUCKET = "DUCKSTEP_BUCKET";
    /** The API's URL, for the report links in notifications. */
    public static final String DUCKSTEP_REPORT_LINK_BASE = "DUCKSTEP_REPORT_LINK_BASE";
    /** The notifications' SNS topic. */
    public static final String TOPIC_ARN = "TOPIC_ARN";
    /** The summary state machine the trigger starts. */
    public static final String STATE_MACHINE_ARN = "STATE_MACHINE_ARN";
    /** The prompt state machine the API starts. */
    public static final String PROMPT_STATE_MACHINE_ARN = "PROMPT_STATE_MACHINE_ARN";
    /** The checksum of the definition the summary state machine was made from, recorded in each run's manifest. */
    public static final String DUCKSTEP_DEFINITION_SHA256 = "DUCKSTEP_DEFINITION_SHA256";

    /** The OpenAI key's secret (its ARN, never the key). */
    public static final String OPENAI_KEY_SECRET = "OPENAI_KEY_SECRET";
    public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";
    public static final String DUCKSTEP_MODEL = "DUCKSTEP_MODEL";
    public static final String DUCKSTEP_MODEL_TIMEOUT_SECONDS = "DUCKSTEP_MODEL_TIMEOUT_SECONDS";
    public static final String DUCKSTEP_MODEL_MAX_RETRIES = "DUCKSTEP_MODEL_MAX_RETRIES";

    /** DuckDB's settings. */
    public static final String DUCKSTEP_MEMORY_LIMIT = "DUCKSTEP_MEMORY_LIMIT";
    public static final String DUCKSTEP_THREADS = "DUCKSTEP_THREADS";
    public static final String DUCKSTEP_WORK_DIRECTORY = "DUCKSTEP_WORK_DIRECTORY";
    public static final String DUCKSTEP_EXTENSION_DIRECTORY = "DUCKSTEP_EXTENSION_DIRECTORY";

    /** The warehouse. */
    public static final String DUCKSTEP_WAREHOUSE_PROVIDER = "DUCKSTEP_WAREHOUSE_PROVIDER";
    public static final String DUCKSTEP_WAREHOUSE_CATALOG = "DUCKSTEP_WAREHOUSE_CATALOG";
    public static final String DUCKSTEP_WAREHOUSE_LOCATION = "DUCKSTEP_WAREHOUSE_LOCATION";
    public static final String DUCKSTEP_MOTHERDUCK_DATABASE = "DUCKSTEP_MOTHERDUCK_DATABASE";
    public static final String DUCKSTEP_MOTHERDUCK_TOKEN_SECRET = "DUCKSTEP_MOTHERDUCK_TOKEN_SECRET";
    public static final String DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET = "DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET";

    private EnvironmentVariables() {}

    /** The variable's value, stripped; empty when it is absent or blank. */
    public static Optional<String> optional(Map<String, String> environment, String name)
    {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The variable's value, stripped, or {@code fallback} when it is absent or blank. */
    public static String optional(Map<String, String> environment, String name, String fallback)
    {
        return optional(environment, name).orElse(fallback);
    }

    /**
     * The variable's value, stripped.
     *
     * @throws IllegalStateException "NAME is not set" when it is absent or blank
     */
    public static String required(Map<String, String> environment, String name)
    {
        return optional(environment, name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
    }
}
