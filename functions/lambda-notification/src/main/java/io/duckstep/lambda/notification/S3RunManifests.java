package io.duckstep.lambda.notification;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Manifests in S3 under the runs prefix ({@code s3://bucket/runs/}).
 */
final class S3RunManifests
        implements RunManifests
{
    private final S3Client client;
    private final String bucket;
    private final String runsKeyPrefix;

    S3RunManifests(S3Client client, String runsPrefix)
    {
        this.client = requireNonNull(client, "client is null");
        requireNonNull(runsPrefix, "runsPrefix is null");
        if (!runsPrefix.startsWith("s3://") || runsPrefix.indexOf('/', 5) < 0) {
            throw new IllegalArgumentException("Not an S3 prefix: " + runsPrefix);
        }
        String path = runsPrefix.substring(5);
        this.bucket = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1);
        this.runsKeyPrefix = key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    @Override
    public Optional<String> manifest(String runId)
    {
        try {
            return Optional.of(client.getObjectAsBytes(request -> request.bucket(bucket).key(runsKeyPrefix + runId + "/manifest.json")).asString(StandardCharsets.UTF_8));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
