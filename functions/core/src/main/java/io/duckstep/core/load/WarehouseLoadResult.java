package io.duckstep.core.load;

import java.nio.file.Path;
import java.util.List;

/**
 * A warehouse that was written: its file, its row count after the load, the sources loaded, what the user
 * should know about how they were read (for example a Latin-1 fallback), and the time it took.
 */
public record WarehouseLoadResult(Path warehouse, long rowCount, List<Path> sources, List<String> notes, long elapsedMilliseconds)
{
    public WarehouseLoadResult
    {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }
}
