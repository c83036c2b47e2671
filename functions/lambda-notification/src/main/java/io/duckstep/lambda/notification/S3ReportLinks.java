package io.duckstep.lambda.notification;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Presigned GET links to reports in S3. Presigning is local: it signs with the function's credentials and calls nothing.
 */
final class S3ReportLinks
        implements ReportLinks
{
    private final S3Presigner presigner;

    S3ReportLinks(S3Presigner presigner)
    {
        this.presigner = requireNonNull(presigner, "presigner is null");
    }

    @Override
    public String link(String location, Duration validity)
    {
        if (!location.startsWith("s3://") || location.indexOf('/', 5) < 0) {
            throw new IllegalArgumentException("Not an S3 location: " + location);
        }
        String path = location.substring(5);
        String bucket = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1);
        return presigner.presignGetObject(request -> request.signatureDuration(validity).getObjectRequest(get -> get.bucket(bucket).key(key)))
                .url().toString();
    }
}
