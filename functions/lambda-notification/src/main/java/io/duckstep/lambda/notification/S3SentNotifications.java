package io.duckstep.lambda.notification;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * One empty marker object per told run end, {@code s3://<bucket>/notifications/<sha-256 of "<executionArn>\n<status>">},
 * created with {@code If-None-Match: *}: S3 creates it once and answers every later create with 412, atomically.
 * (The marker is empty: S3Proxy answers 412 before reading a body, which the url-connection client would report as
 * a broken upload.)
 */
final class S3SentNotifications
        implements SentNotifications
{
    private static final String PREFIX = "notifications/";

    private final S3Client client;
    private final String bucket;

    S3SentNotifications(S3Client client, String bucket)
    {
        this.client = requireNonNull(client, "client is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
    }

    @Override
    public boolean claim(String executionArn, String status)
    {
        try {
            client.putObject(request -> request.bucket(bucket).key(key(executionArn, status)).ifNoneMatch("*").contentType("application/octet-stream"),
                    RequestBody.empty());
            return true;
        }
        catch (S3Exception e) {
            // 412: the marker exists. 409: a create of the same marker is in flight; that one tells it.
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw e;
        }
        catch (SdkClientException e) {
            // A server that refuses the create before reading the request (S3Proxy answers 412 at once, even to the SDK's
            // Expect: 100-continue) leaves the url-connection client reporting a broken upload: the marker then exists.
            if (exists(key(executionArn, status))) {
                return false;
            }
            throw e;
        }
    }

    private boolean exists(String key)
    {
        try {
            client.headObject(request -> request.bucket(bucket).key(key));
            return true;
        }
        catch (NoSuchKeyException e) {
            return false;
        }
        catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void release(String executionArn, String status)
    {
        client.deleteObject(request -> request.bucket(bucket).key(key(executionArn, status)));
    }

    static String key(String executionArn, String status)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((executionArn + "\n" + status).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
