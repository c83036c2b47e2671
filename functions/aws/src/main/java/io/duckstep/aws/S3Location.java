package io.duckstep.aws;

import io.duckstep.core.error.StorageException;

import static java.util.Objects.requireNonNull;

/**
 * An {@code s3://bucket/key} location.
 */
public record S3Location(String bucket, String key)
{
    public S3Location
    {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(key, "key is null");
    }

    public static S3Location parse(String location)
    {
        if (!location.startsWith("s3://")) {
            throw new StorageException("Not an S3 location (expected s3://bucket/key): " + location);
        }
        String path = location.substring("s3://".length());
        int slash = path.indexOf('/');
        if (slash <= 0) {
            throw new StorageException("S3 location has no bucket or no key: " + location);
        }
        return new S3Location(path.substring(0, slash), path.substring(slash + 1));
    }

    @Override
    public String toString()
    {
        return "s3://" + bucket + "/" + key;
    }
}
