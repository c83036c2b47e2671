package io.duckstep.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The upload formats the workflow reads, by the end of the file name (compared ignoring case): the trigger and
 * {@code watch} start a run only for these, and the transactions reader reads exactly these.
 */
public final class UploadTypes
{
    public static final List<String> SUFFIXES = List.of(".csv", ".csv.gz", ".parquet", ".xlsx");

    private UploadTypes() {}

    /** The suffix of {@link #SUFFIXES} the name ends with, or empty when it is none of them. */
    public static Optional<String> typeOf(String fileName)
    {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().filter(lower::endsWith).findFirst();
    }

    public static boolean accepted(String fileName)
    {
        return typeOf(fileName).isPresent();
    }
}
