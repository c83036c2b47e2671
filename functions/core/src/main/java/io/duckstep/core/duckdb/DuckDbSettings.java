package io.duckstep.core.duckdb;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * How every DuckDB instance DuckStep opens is configured. Derived from the environment once,
 * when a task is wired, never per query.
 *
 * @param memoryLimit DuckDB {@code memory_limit}, for example {@code 1228MB}
 * @param threads DuckDB {@code threads}
 * @param workDirectory a writable directory; temp, home and extension directories live under it
 */
public record DuckDbSettings(String memoryLimit, int threads, Path workDirectory)
{
    /** Used when neither an explicit limit nor a Lambda memory size is configured. */
    public static final String DEFAULT_MEMORY_LIMIT = "2GB";
    /** Share of a Lambda function's memory given to DuckDB; the JVM and the OS keep the rest. */
    static final double LAMBDA_MEMORY_SHARE = 0.6;

    public DuckDbSettings
    {
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(workDirectory, "workDirectory is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /**
     * Reads {@code DUCKSTEP_MEMORY_LIMIT}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} (megabytes),
     * {@code DUCKSTEP_THREADS} and {@code DUCKSTEP_WORK_DIRECTORY}; anything absent gets a default.
     */
    public static DuckDbSettings fromEnvironment(Map<String, String> environment)
    {
        String memoryLimit = environment.get("DUCKSTEP_MEMORY_LIMIT");
        if (memoryLimit == null || memoryLimit.isBlank()) {
            String lambdaMemory = environment.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
            memoryLimit = lambdaMemory == null || lambdaMemory.isBlank()
                    ? DEFAULT_MEMORY_LIMIT
                    : lambdaMemoryLimit(Integer.parseInt(lambdaMemory.trim()));
        }
        String threads = environment.get("DUCKSTEP_THREADS");
        String workDirectory = environment.get("DUCKSTEP_WORK_DIRECTORY");
        return new DuckDbSettings(
                memoryLimit.trim(),
                threads == null || threads.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads.trim()),
                workDirectory == null || workDirectory.isBlank()
                        ? Path.of(System.getProperty("java.io.tmpdir"), "duckstep")
                        : Path.of(workDirectory));
    }

    static String lambdaMemoryLimit(int functionMemoryMegabytes)
    {
        if (functionMemoryMegabytes < 128) {
            throw new IllegalArgumentException("AWS_LAMBDA_FUNCTION_MEMORY_SIZE must be at least 128, was " + functionMemoryMegabytes);
        }
        return ((int) (functionMemoryMegabytes * LAMBDA_MEMORY_SHARE)) + "MB";
    }

    public DuckDbSettings withThreads(int threads)
    {
        return new DuckDbSettings(memoryLimit, threads, workDirectory);
    }

    public DuckDbSettings withMemoryLimit(String memoryLimit)
    {
        return new DuckDbSettings(memoryLimit, threads, workDirectory);
    }

    /** DuckDB's {@code temp_directory} (spilling). A sandbox for the model's SQL gets a private one instead. */
    public Path temporaryDirectory()
    {
        return workDirectory.resolve("tmp");
    }

    /**
     * Where tasks write their own temporary files (results before publishing, validated uploads). Not DuckDB's
     * {@code temp_directory}, which DuckDB adds to the paths a locked-down connection may read.
     */
    public Path scratchDirectory()
    {
        return workDirectory.resolve("scratch");
    }

    public Path homeDirectory()
    {
        return workDirectory.resolve("home");
    }

    public Path extensionDirectory()
    {
        return workDirectory.resolve("extensions");
    }

    /**
     * The JDBC properties DuckDB reads as its start-up configuration. Extensions are never
     * installed from the network automatically: an extension that is not already present fails fast.
     */
    Properties toProperties()
    {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", memoryLimit);
        properties.setProperty("threads", Integer.toString(threads));
        properties.setProperty("temp_directory", temporaryDirectory().toString());
        properties.setProperty("home_directory", homeDirectory().toString());
        properties.setProperty("extension_directory", extensionDirectory().toString());
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        return properties;
    }
}
