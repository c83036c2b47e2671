package io.duckstep.core.load;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Transactions that were validated and loaded.
 *
 * @param rowCount the rows loaded
 * @param encoding how the text was read: {@code UTF-8}, or {@code ISO-8859-1} when the file is not valid UTF-8
 * @param notes what the user should know about how the file was read (for example the Latin-1 fallback), never silent
 * @param typedRead whether the one-pass typed read was enough (otherwise the file was staged as text first)
 */
public record LoadedTransactions(long rowCount, String encoding, List<String> notes, boolean typedRead)
{
    public LoadedTransactions
    {
        requireNonNull(encoding, "encoding is null");
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
    }
}
