package io.duckstep.lambda.support;

import io.duckstep.contract.UploadTypes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one rule naming the run an upload starts, on AWS (the trigger's execution name) and locally
 * ({@code duckstep watch}, and the client following a remote run): {@code upload-<file stem>-<24 hex
 * digits of SHA-256 of the upload's identity>}. The same upload always gets the same name, so a repeated
 * event, a restarted watcher or a touched file starts nothing new. At most 80 characters of letters,
 * digits, '-' and '_', as Step Functions requires of execution names.
 */
public final class UploadRunNames
{
    private UploadRunNames() {}

    /** On AWS: the identity of an S3 object is its bucket, key and version (or ETag when the bucket keeps no versions). */
    public static String forObject(String bucket, String key, String version)
    {
        return name(key.substring(key.lastIndexOf('/') + 1), bucket + "\n" + key + "\n" + (version == null ? "" : version));
    }

    /** Locally: the identity of a dropped file is its name and the SHA-256 of its content. */
    public static String forFile(String fileName, String contentSha256)
    {
        return name(fileName, fileName + "\n" + contentSha256);
    }

    /** Whether the file is of a format the workflow reads ({@link UploadTypes}); anything else is ignored, never started. */
    public static boolean accepted(String fileName)
    {
        return UploadTypes.accepted(fileName);
    }

    private static String name(String fileName, String identity)
    {
        String stem = fileName.replaceAll("\\..*$", "").replaceAll("[^A-Za-z0-9_-]", "-");
        if (stem.length() > 40) {
            stem = stem.substring(0, 40);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "upload-" + stem + "-" + HexFormat.of().formatHex(digest).substring(0, 24);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
