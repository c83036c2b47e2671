package io.duckstep.lambda.trigger;

import io.duckstep.lambda.support.UploadRunNames;

import static java.util.Objects.requireNonNull;

/**
 * Decides what an object-created event means: an upload under the uploads prefix starts one summary run;
 * anything else is ignored. The execution name is derived from the bucket, the key and the version (or the
 * ETag), so a repeated event names the same execution and starts nothing new.
 */
public final class UploadTrigger
{
    private final String uploadsPrefix;
    private final ExecutionStarter starter;

    public UploadTrigger(String uploadsPrefix, ExecutionStarter starter)
    {
        this.uploadsPrefix = requireNonNull(uploadsPrefix, "uploadsPrefix is null");
        this.starter = requireNonNull(starter, "starter is null");
    }

    /** The key part of an uploads prefix: {@code s3://bucket/uploads/} gives {@code uploads/}. */
    public static String keyPrefix(String uploadsPrefix)
    {
        if (!uploadsPrefix.startsWith("s3://")) {
            return uploadsPrefix;
        }
        String path = uploadsPrefix.substring("s3://".length());
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(slash + 1);
    }

    public TriggerResult handle(ObjectCreatedEvent event)
    {
        if (event == null || event.detail() == null || event.detail().bucket() == null || event.detail().object() == null
                || event.detail().object().key() == null) {
            return new TriggerResult(false, null, null, "not an S3 Object Created event");
        }
        String bucket = event.detail().bucket().name();
        ObjectCreatedEvent.S3Object object = event.detail().object();
        String key = object.key();
        String upload = "s3://" + bucket + "/" + key;
        if (!key.startsWith(uploadsPrefix)) {
            return new TriggerResult(false, null, upload, "ignored: not under " + uploadsPrefix);
        }
        if (key.endsWith("/")) {
            return new TriggerResult(false, null, upload, "ignored: a folder marker");
        }
        if (!UploadRunNames.accepted(key)) {
            return new TriggerResult(false, null, upload, "ignored: not a .csv, .csv.gz, .parquet or .xlsx file");
        }
        String name = executionName(bucket, key, object.versionId() != null ? object.versionId() : object.etag());
        boolean started = starter.start(name, "{\"upload\":" + jsonString(upload) + "}");
        return new TriggerResult(started, name, upload, started ? "started" : "already started");
    }

    /** The execution name of an S3 object: the rule of {@link UploadRunNames}. */
    static String executionName(String bucket, String key, String version)
    {
        return UploadRunNames.forObject(bucket, key, version);
    }

    private static String jsonString(String value)
    {
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : value.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    }
                    else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
