package io.duckstep.core.load;

import java.nio.file.Path;
import java.util.List;

/**
 * A warehouse that was written: its file, its row count after the load, the sources loaded, and the time it took.
 */
public record WarehouseLoadResult(Path warehouse, long rowCount, List<Path> sources, long elapsedMilliseconds) {}
