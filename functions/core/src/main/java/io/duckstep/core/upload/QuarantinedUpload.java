package io.duckstep.core.upload;

/**
 * Where a rejected upload was kept and why.
 *
 * @param upload the original location, left as it was
 * @param copy the quarantined copy, or {@code null} when the upload no longer existed
 * @param reasonLocation the JSON document that records the reason
 * @param reason the reason
 */
public record QuarantinedUpload(String upload, String copy, String reasonLocation, String reason) {}
