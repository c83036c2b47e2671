package io.duckstep.lambda.api;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reports at {@code s3://<bucket>/runs/<runId>/report.html}. Each link is presigned when asked for, with the function's
 * credentials of the moment, so it works for its whole (short) validity; a link presigned with temporary credentials
 * stops working when they expire, whatever validity it asked for. The existence check is a HEAD of the object
 * (without {@code s3:ListBucket} S3 answers a missing object with 403, which is an error here, not a 404).
 */
final class S3RunReports
        implements RunReports
{
    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration validity;

    S3RunReports(S3Client client, S3Presigner presigner, String bucket, Duration validity)
    {
        this.client = requireNonNull(client, "client is null");
        this.presigner = requireNonNull(presigner, "presigner is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.validity = requireNonNull(validity, "validity is null");
    }

    @Override
    public Optional<URI> link(String runId)
    {
        String key = "runs/" + runId + "/report.html";
        try {
            client.headObject(request -> request.bucket(bucket).key(key));
        }
        catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
        try {
            return Optional.of(presigner.presignGetObject(request -> request.signatureDuration(validity)
                    .getObjectRequest(get -> get.bucket(bucket).key(key).responseContentType("text/html; charset=utf-8"))).url().toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("S3 presigned an invalid link for " + key, e);
        }
    }
}
