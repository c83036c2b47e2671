package io.duckstep.core.load;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * Placeholder until the loader lands: replaced by the validating reader.
 */
public final class TransactionsReader
{
    public long load(Connection connection, Path file, String displayName, String targetTable)
    {
        throw new UnsupportedOperationException("not yet");
    }
}
