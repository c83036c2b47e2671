package io.duckstep.core.upload;

import static java.util.Objects.requireNonNull;

/**
 * An uploaded transactions file after validation: the original is untouched at {@code source};
 * its typed rows were written once as Parquet at {@code location}, which the query tasks read.
 *
 * @param table the table name the queries see it as, {@code mydf}
 * @param source where the upload is (kept as it was)
 * @param sourceBytes the upload's size
 * @param location the validated, typed Parquet copy
 * @param rowCount rows in the upload
 * @param elapsedMilliseconds wall time of the task
 * @param sourceSha256 the upload's SHA-256 as it was read, for the run's manifest (null where unknown)
 */
public record PreparedUpload(String table, String source, long sourceBytes, String location, long rowCount, long elapsedMilliseconds, String sourceSha256)
{
    public PreparedUpload(String table, String source, long sourceBytes, String location, long rowCount, long elapsedMilliseconds)
    {
        this(table, source, sourceBytes, location, rowCount, elapsedMilliseconds, null);
    }

    public PreparedUpload
    {
        requireNonNull(table, "table is null");
        requireNonNull(source, "source is null");
        requireNonNull(location, "location is null");
    }
}
