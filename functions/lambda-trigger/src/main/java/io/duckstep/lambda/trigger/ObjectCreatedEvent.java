package io.duckstep.lambda.trigger;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of EventBridge's S3 "Object Created" event that the trigger reads.
 */
public record ObjectCreatedEvent(@JsonProperty("detail-type") String detailType, String source, Detail detail)
{
    public record Detail(Bucket bucket, S3Object object) {}

    public record Bucket(String name) {}

    public record S3Object(String key, Long size, String etag, @JsonProperty("version-id") String versionId) {}
}
