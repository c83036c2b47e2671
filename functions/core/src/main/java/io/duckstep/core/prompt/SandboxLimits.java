package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDbSettings;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The limits of a query the model wrote, in one place.
 *
 * @param timeout wall-clock time for the query; the worker cancels it then, and the runner kills the worker at
 * {@code timeout + }{@link #KILL_GRACE} if cancelling did not stop it
 * @param rowCap rows handed back to the model
 * @param characterCap characters of JSON handed back to the model
 * @param memoryLimitBytes DuckDB's {@code memory_limit} in the worker
 * @param marginBytes what the worker process may use beyond {@code memoryLimitBytes}: its JVM, DuckDB's library and
 * allocations DuckDB does not count (lists, strings). The worker's resident memory never exceeds
 * {@code memoryLimitBytes + marginBytes}: the kernel refuses private memory beyond {@link #dataLimitBytes()} and the
 * runner kills the worker when its resident memory passes {@link #residentLimitBytes()}
 * @param warmSpare whether a worker is started ahead of the next query, to save the JVM's start-up
 */
public record SandboxLimits(Duration timeout, int rowCap, int characterCap, long memoryLimitBytes, long marginBytes, boolean warmSpare)
{
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final int ROW_CAP = 50;
    public static final int CHARACTER_CAP = 8 * 1024;
    public static final long MARGIN_BYTES = 256L << 20;
    /** Between the worker's own cancel and its kill. The query ends within {@code timeout} plus this plus a poll. */
    public static final Duration KILL_GRACE = Duration.ofMillis(1500);
    static final long MINIMUM_MEMORY_BYTES = 16L << 20;
    /** Resident memory that is not private data: DuckDB's library and the JVM's mapped files. */
    static final long FILE_BACKED_BYTES = 96L << 20;

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*");

    public SandboxLimits
    {
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero() || rowCap < 1 || characterCap < 1 || memoryLimitBytes < MINIMUM_MEMORY_BYTES || marginBytes <= FILE_BACKED_BYTES) {
            throw new IllegalArgumentException("invalid sandbox limits: timeout " + timeout + ", rows " + rowCap + ", characters " + characterCap
                    + ", memory " + memoryLimitBytes + ", margin " + marginBytes);
        }
    }

    /** The defaults, with DuckDB's configured memory limit. */
    /** The sandbox for DuckDB's configured memory limit; never less than {@link #MINIMUM_MEMORY_BYTES}, below which no worker could answer. */
    public static SandboxLimits of(DuckDbSettings settings)
    {
        return new SandboxLimits(TIMEOUT, ROW_CAP, CHARACTER_CAP, Math.max(bytes(settings.memoryLimit()), MINIMUM_MEMORY_BYTES), MARGIN_BYTES, true);
    }

    public SandboxLimits withTimeout(Duration timeout)
    {
        return new SandboxLimits(timeout, rowCap, characterCap, memoryLimitBytes, marginBytes, warmSpare);
    }

    public SandboxLimits withMemoryLimitBytes(long memoryLimitBytes)
    {
        return new SandboxLimits(timeout, rowCap, characterCap, memoryLimitBytes, marginBytes, warmSpare);
    }

    public SandboxLimits withWarmSpare(boolean warmSpare)
    {
        return new SandboxLimits(timeout, rowCap, characterCap, memoryLimitBytes, marginBytes, warmSpare);
    }

    /** Resident memory at which the runner kills the worker. */
    public long residentLimitBytes()
    {
        return memoryLimitBytes + marginBytes;
    }

    /** The worker's {@code RLIMIT_DATA}: private writable memory the kernel lets it have. */
    public long dataLimitBytes()
    {
        return memoryLimitBytes + marginBytes - FILE_BACKED_BYTES;
    }

    /** DuckDB's {@code memory_limit} setting. */
    public String duckDbMemoryLimit()
    {
        return (memoryLimitBytes >> 20) + "MiB";
    }

    /** DuckDB's size syntax: {@code 2GB} (powers of 1000), {@code 2GiB} (powers of 1024), or bytes. */
    static long bytes(String size)
    {
        Matcher matcher = SIZE.matcher(size.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a memory size: '" + size + "' (expected for example 2GB or 1228MB)");
        }
        double number = Double.parseDouble(matcher.group(1));
        long unit = switch (matcher.group(2)) {
            case "", "b", "byte", "bytes" -> 1L;
            case "kb", "k" -> 1_000L;
            case "mb", "m" -> 1_000_000L;
            case "gb", "g" -> 1_000_000_000L;
            case "tb", "t" -> 1_000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("Unknown unit in memory size '" + size + "'");
        };
        return (long) (number * unit);
    }
}
