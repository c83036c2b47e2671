package io.duckstep.core.duckdb;

import io.duckstep.contract.EnvironmentVariables;

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
 * @param workDirectory a writable directory; temp and home directories live under it
 * @param extensionDirectory where DuckDB looks for installed extensions (it reads {@code <dir>/v1.5.6/<platform>/});
 * by default under the work directory, on Lambda the MotherDuck layer's directory under /opt
 */
public record DuckDbSettings(String memoryLimit, int threads, Path workDirectory, Path extensionDirectory)
{
    /** The environment variable that points DuckDB at an extension directory other than the work directory's. */
    public static final String EXTENSION_DIRECTORY_VARIABLE = EnvironmentVariables.DUCKSTEP_EXTENSION_DIRECTORY;

    /** Used when neither an explicit limit nor a Lambda memory size is configured. */
    public static final String DEFAULT_MEMORY_LIMIT = "2GB";
    /** Share of a Lambda function's memory given to DuckDB; the JVM and the OS keep the rest. */
    static final double LAMBDA_MEMORY_SHARE = 0.6;
    /** Lambda gives a function the equivalent of one vCPU per 1,769 MB of memory... */
    static final int LAMBDA_MEGABYTES_PER_VCPU = 1769;
    /** ...up to six vCPUs, at its largest size of 10,240 MB. */
    static final int LAMBDA_MAXIMUM_VCPUS = 6;

    public DuckDbSettings
    {
        requireNonNull(memoryLimit, "memoryLimit is null");
        requireNonNull(workDirectory, "workDirectory is null");
        requireNonNull(extensionDirectory, "extensionDirectory is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** Extensions under {@code <workDirectory>/extensions}. */
    public DuckDbSettings(String memoryLimit, int threads, Path workDirectory)
    {
        this(memoryLimit, threads, workDirectory, requireNonNull(workDirectory, "workDirectory is null").resolve("extensions"));
    }

    /**
     * Reads {@code DUCKSTEP_MEMORY_LIMIT}, {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} (megabytes),
     * {@code DUCKSTEP_THREADS}, {@code DUCKSTEP_WORK_DIRECTORY} and {@value #EXTENSION_DIRECTORY_VARIABLE};
     * anything absent gets a default. On Lambda the threads follow the vCPUs the function's memory size gives
     * ({@link #lambdaThreads}), not the processors the JVM sees (Lambda shows at least two even when the function has a
     * fraction of one).
     */
    public static DuckDbSettings fromEnvironment(Map<String, String> environment)
    {
        String memoryLimit = environment.get(EnvironmentVariables.DUCKSTEP_MEMORY_LIMIT);
        if (memoryLimit == null || memoryLimit.isBlank()) {
            String lambdaMemory = environment.get(EnvironmentVariables.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
            memoryLimit = lambdaMemory == null || lambdaMemory.isBlank()
                    ? DEFAULT_MEMORY_LIMIT
                    : lambdaMemoryLimit(Integer.parseInt(lambdaMemory.trim()));
        }
        String threads = environment.get(EnvironmentVariables.DUCKSTEP_THREADS);
        String lambdaMemory = environment.get(EnvironmentVariables.AWS_LAMBDA_FUNCTION_MEMORY_SIZE);
        int defaultThreads = lambdaMemory == null || lambdaMemory.isBlank()
                ? Runtime.getRuntime().availableProcessors()
                : lambdaThreads(Integer.parseInt(lambdaMemory.trim()));
        String workDirectory = environment.get(EnvironmentVariables.DUCKSTEP_WORK_DIRECTORY);
        String extensionDirectory = environment.get(EXTENSION_DIRECTORY_VARIABLE);
        Path work = workDirectory == null || workDirectory.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "duckstep")
                : Path.of(workDirectory);
        return new DuckDbSettings(
                memoryLimit.trim(),
                threads == null || threads.isBlank() ? defaultThreads : Integer.parseInt(threads.trim()),
                work,
                extensionDirectory == null || extensionDirectory.isBlank() ? work.resolve("extensions") : Path.of(extensionDirectory.trim()));
    }

    static String lambdaMemoryLimit(int functionMemoryMegabytes)
    {
        if (functionMemoryMegabytes < 128) {
            throw new IllegalArgumentException("AWS_LAMBDA_FUNCTION_MEMORY_SIZE must be at least 128, was " + functionMemoryMegabytes);
        }
        return ((int) (functionMemoryMegabytes * LAMBDA_MEMORY_SHARE)) + "MB";
    }

    /**
     * DuckDB threads for a Lambda function of this memory size: the vCPUs it gives, one per started 1,769 MB,
     * at least one and at most six (128-1,769 MB: 1; 1,770-3,538 MB: 2; ...; 8,846-10,240 MB: 6).
     */
    static int lambdaThreads(int functionMemoryMegabytes)
    {
        if (functionMemoryMegabytes < 128) {
            throw new IllegalArgumentException("AWS_LAMBDA_FUNCTION_MEMORY_SIZE must be at least 128, was " + functionMemoryMegabytes);
        }
        int vcpus = (functionMemoryMegabytes + LAMBDA_MEGABYTES_PER_VCPU - 1) / LAMBDA_MEGABYTES_PER_VCPU;
        return Math.min(LAMBDA_MAXIMUM_VCPUS, Math.max(1, vcpus));
    }

    public DuckDbSettings withThreads(int threads)
    {
        return new DuckDbSettings(memoryLimit, threads, workDirectory, extensionDirectory);
    }

    public DuckDbSettings withMemoryLimit(String memoryLimit)
    {
        return new DuckDbSettings(memoryLimit, threads, workDirectory, extensionDirectory);
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
        properties.setProperty("allow_unsigned_extensions", "false");
        return properties;
    }
}
