package io.duckstep.lambda.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Decides what an object-created event means: an upload under the uploads prefix starts one summary run;
 * anything else is ignored. The execution name is derived from the bucket, the key and the version (or the
 * ETag), so a repeated event names the same execution and starts nothing new.
 */
public final class UploadTrigger
{
    /** The upload formats the workflow reads (compared ignoring case); anything else under the prefix is ignored, never started. */
    static final Set<String> ACCEPTED_SUFFIXES = Set.of(".csv", ".csv.gz", ".parquet", ".xlsx");

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
        String lower = key.toLowerCase(Locale.ROOT);
        if (ACCEPTED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
            return new TriggerResult(false, null, upload, "ignored: not a .csv, .csv.gz, .parquet or .xlsx file");
        }
        String name = executionName(bucket, key, object.versionId() != null ? object.versionId() : object.etag());
        boolean started = starter.start(name, "{\"upload\":" + jsonString(upload) + "}");
        return new TriggerResult(started, name, upload, started ? "started" : "already started");
    }

    /**
     * {@code upload-<file stem>-<24 hex digits of SHA-256(bucket, key, version)>}: at most 80 characters of
     * letters, digits, '-' and '_', as Step Functions requires.
     */
    static String executionName(String bucket, String key, String version)
    {
        String file = key.substring(key.lastIndexOf('/') + 1);
        String stem = file.replaceAll("\\..*$", "").replaceAll("[^A-Za-z0-9_-]", "-");
        if (stem.length() > 40) {
            stem = stem.substring(0, 40);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((bucket + "\n" + key + "\n" + (version == null ? "" : version)).getBytes(StandardCharsets.UTF_8));
            return "upload-" + stem + "-" + HexFormat.of().formatHex(digest).substring(0, 24);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
