package io.duckstep.core.prompt;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.error.DuckStepException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.error.QueryFailedException;
import io.duckstep.core.error.WarehouseUnavailableException;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.secrets.Secret;
import io.duckstep.core.secrets.SecretStore;
import io.duckstep.core.storage.ObjectStorage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Runs a query the model wrote (after {@link SqlGuard}) where it can do no harm, in a {@link SandboxWorker}: a
 * separate JVM started from this one's class path, one per query, with a fresh in-memory DuckDB whose only tables
 * are views over the inputs and the warehouse attached READ_ONLY, a private temporary directory (removed
 * afterwards), no file or network access but the inputs, and a locked configuration.
 *
 * <p>Why a process: DuckDB's {@code memory_limit} does not bound lists and strings, and its cancel is not
 * honoured inside such a function ({@code list_sum(range(60000000))} peaked at 3.8 GB under a 2 GB limit; a 30 s
 * timeout returned after 83 s). Only the operating system can bound that, and only a process can be killed
 * whatever it does. So the worker runs under {@code ulimit -d} (the kernel refuses private memory beyond
 * {@link SandboxLimits#dataLimitBytes()}; DuckDB then fails with "Out of Memory"), and this runner polls its resident
 * memory and kills it past {@link SandboxLimits#residentLimitBytes()} or past the timeout plus
 * {@link SandboxLimits#KILL_GRACE}. The {@link SqlGuard}'s allowlist keeps most blow-ups from starting at all.
 *
 * <p>One spare worker is kept started (JVM and DuckDB loaded, no database) so a question does not wait for a JVM.
 * Errors handed back never name a path of the inputs, the warehouse or the work directory, nor the token. A
 * MotherDuck warehouse is attached with the read-scaling token only, and without one the query is refused before any
 * worker starts; a warehouse that cannot be attached is a {@link WarehouseUnavailableException}, not the query's fault.
 */
public final class SandboxedQueryRunner
        implements AutoCloseable
{
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int RESPONSE_CHARACTERS = 1 << 20;
    private static final String READY = "ready";
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "duckstep-sandbox");
        thread.setDaemon(true);
        return thread;
    });

    private final DuckDbSettings settings;
    private final ObjectStorage storage;
    private final SecretStore secrets;
    private final WarehouseSpecification warehouse;
    private final SandboxLimits limits;
    private final boolean kernelLimit;
    private CompletableFuture<Worker> spare;
    private boolean closed;
    /** Worker processes started and not yet ready: {@link #close()} stops them rather than waiting for them. */
    private final Set<Process> starting = ConcurrentHashMap.newKeySet();

    public SandboxedQueryRunner(DuckDb duckDb, ObjectStorage storage, SecretStore secrets, WarehouseSpecification warehouse, SandboxLimits limits)
    {
        this(duckDb, storage, secrets, warehouse, limits, true);
    }

    /**
     * @param kernelLimit whether the worker runs under {@code ulimit -d}; off only to test that the runner's own
     * kill stops a worker the kernel did not
     */
    SandboxedQueryRunner(DuckDb duckDb, ObjectStorage storage, SecretStore secrets, WarehouseSpecification warehouse, SandboxLimits limits, boolean kernelLimit)
    {
        this.kernelLimit = kernelLimit;
        this.settings = requireNonNull(duckDb, "duckDb is null").settings();
        this.storage = requireNonNull(storage, "storage is null");
        this.secrets = requireNonNull(secrets, "secrets is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    public SandboxLimits limits()
    {
        return limits;
    }

    /**
     * @param inputs table name to a local Parquet file
     * @throws QueryTimedOutException when the query runs past the timeout
     * @throws ResourceLimitException when the query needs more memory than the sandbox allows
     * @throws RejectedQueryException when the query names a table that is not one of the inputs or the warehouse's
     * @throws QueryFailedException with DuckDB's message (paths removed) when the query fails
     * @throws WarehouseUnavailableException when the warehouse cannot be attached, or MotherDuck has no read-scaling token
     */
    public SandboxedResult run(String sql, Map<String, Path> inputs)
    {
        Outcome outcome = measure(sql, inputs);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.result();
    }

    /** What a query gave, or how it failed, and its worker's peak resident memory in bytes (-1 if unknown). */
    record Outcome(SandboxedResult result, DuckStepException failure, long peakResidentBytes) {}

    Outcome measure(String sql, Map<String, Path> inputs)
    {
        requireNonNull(sql, "sql is null");
        Map<String, String> replacements = new LinkedHashMap<>();
        Map<String, String> inputPaths = inputPaths(inputs, replacements);
        AttachedWarehouse attached = warehouse(replacements);
        Worker worker = takeWorker();
        try {
            SandboxWorker.Request request = request(sql, inputPaths, attached, worker.directory(), replacements);
            return worker.exchange(request, messages(request, replacements));
        }
        finally {
            worker.destroy();
            // the next query's worker starts now, not while this one ran: it would take a core from the query
            prepare();
        }
    }

    /**
     * Runs {@code sql} as {@link #run} does, from the request to the answer handed back, but with the worker's part in
     * this process, reaching MotherDuck through {@code motherDuck}: for tests against a stand-in MotherDuck, which a worker
     * process cannot reach. Nothing bounds its memory or time.
     */
    SandboxedResult runInProcess(String sql, Map<String, Path> inputs, WarehouseAttacher.MotherDuckConnector motherDuck)
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(motherDuck, "motherDuck is null");
        Map<String, String> replacements = new LinkedHashMap<>();
        Map<String, String> inputPaths = inputPaths(inputs, replacements);
        AttachedWarehouse attached = warehouse(replacements);
        Path directory = settings.workDirectory().toAbsolutePath().resolve("sandbox").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(directory.resolve("duckdb"));
            SandboxWorker.Request request = request(sql, inputPaths, attached, directory, replacements);
            Outcome outcome = outcome(SandboxWorker.run(request, motherDuck), messages(request, replacements), limits, -1);
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            return outcome.result();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox's directory under " + directory.getParent(), e);
        }
        finally {
            Worker.delete(directory);
        }
    }

    private static Map<String, String> inputPaths(Map<String, Path> inputs, Map<String, String> replacements)
    {
        Map<String, String> inputPaths = new LinkedHashMap<>();
        inputs.forEach((table, path) -> {
            String absolute = path.toAbsolutePath().toString();
            inputPaths.put(table, absolute);
            replacements.put(absolute, table);
        });
        return inputPaths;
    }

    private SandboxMessages messages(SandboxWorker.Request request, Map<String, String> replacements)
    {
        replacements.put(settings.workDirectory().toAbsolutePath().toString(), "<work directory>");
        return new SandboxMessages(replacements, Optional.ofNullable(request.token()).map(Secret::new));
    }

    /** The warehouse as the worker attaches it: a local file, or a MotherDuck database with the read-scaling token. */
    private record AttachedWarehouse(String kind, String file, String database, String catalog, String tokenSecretName, String token) {}

    private AttachedWarehouse warehouse(Map<String, String> replacements)
    {
        String kind = "none";
        String file = null;
        String database = null;
        String catalog = null;
        String tokenSecretName = null;
        String token = null;
        if (warehouse instanceof WarehouseSpecification.DuckDbFile duckDbFile) {
            kind = "file";
            try {
                file = storage.fetch(duckDbFile.location()).toAbsolutePath().toString();
            }
            catch (ObjectNotFoundException e) {
                throw new WarehouseUnavailableException("Warehouse file not found: " + duckDbFile.location(), e);
            }
            replacements.put(file, "<warehouse>");
            replacements.put(duckDbFile.location(), "<warehouse>");
        }
        else if (warehouse instanceof WarehouseSpecification.MotherDuck motherDuck) {
            kind = "motherduck";
            database = motherDuck.database();
            catalog = motherDuck.catalog();
            // refused here, before a worker starts or a secret is read, when there is no read-scaling token
            tokenSecretName = WarehouseAttacher.MotherDuckAttachment.of(motherDuck, WarehouseAttacher.Queries.UNTRUSTED).requiredTokenSecretName();
            token = secrets.get(tokenSecretName).reveal();
        }
        return new AttachedWarehouse(kind, file, database, catalog, tokenSecretName, token);
    }

    private SandboxWorker.Request request(String sql, Map<String, String> inputs, AttachedWarehouse warehouse, Path directory, Map<String, String> replacements)
    {
        replacements.put(directory.toString(), "<temporary directory>");
        return new SandboxWorker.Request(sql, inputs, warehouse.kind(), warehouse.file(), warehouse.database(), warehouse.catalog(),
                warehouse.tokenSecretName(), warehouse.token(), limits.duckDbMemoryLimit(), settings.threads(),
                settings.workDirectory().toAbsolutePath().toString(), settings.extensionDirectory().toAbsolutePath().toString(),
                directory.resolve("duckdb").toString(), limits.timeout().toMillis(), limits.rowCap(), limits.characterCap());
    }

    /**
     * Starts the spare worker now (a JVM with DuckDB loaded, no database), for example while an upload is being
     * validated, so the first question does not wait for it. Does nothing when a spare is there, when spares are off,
     * or once closed.
     */
    public void prepare()
    {
        synchronized (this) {
            if (!closed && spare == null && limits.warmSpare()) {
                spare = CompletableFuture.supplyAsync(this::startWorker, THREADS);
            }
        }
    }

    /** Whether a spare worker is started or starting. */
    synchronized boolean hasSpare()
    {
        return spare != null;
    }

    private Worker takeWorker()
    {
        CompletableFuture<Worker> ready;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the sandbox runner is closed");
            }
            ready = spare;
            spare = null;
        }
        if (ready != null) {
            try {
                Worker worker = ready.join();
                if (worker.process().isAlive()) {
                    return worker;
                }
                worker.destroy();
            }
            catch (RuntimeException e) {
                // a spare that failed to start is replaced below; a real problem shows again there
            }
        }
        return startWorker();
    }

    private Worker startWorker()
    {
        return Worker.start(settings.workDirectory().toAbsolutePath().resolve("sandbox"), limits, kernelLimit, starting);
    }

    /**
     * Stops the spare worker, also one still starting, and removes its directory before returning: a worker left to
     * start would outlive a command line that ends (and keep the JVM's exit waiting for the thread reading its first line).
     */
    @Override
    public void close()
    {
        CompletableFuture<Worker> left;
        synchronized (this) {
            closed = true;
            left = spare;
            spare = null;
        }
        starting.forEach(Process::destroyForcibly);
        if (left != null) {
            try {
                left.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).destroy();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catch (ExecutionException | TimeoutException e) {
                // stopped while starting: the start failed, and removed what it had made
            }
        }
    }

    /** What the worker's answer means for the model (errors scrubbed), or for the operator (the warehouse failed). */
    private static Outcome outcome(SandboxWorker.Response response, SandboxMessages messages, SandboxLimits limits, long observedPeak)
    {
        long peak = Math.max(observedPeak, response.peakResidentBytes());
        return switch (response.outcome()) {
            case "result" -> new Outcome(new SandboxedResult(messages.scrubResult(response.json()), response.rows(), response.truncated()), null, peak);
            case "rejected" -> new Outcome(null, new RejectedQueryException(messages.scrub(response.message())), peak);
            case "timeout" -> new Outcome(null, timedOut(limits), peak);
            case "memory" -> new Outcome(null, new ResourceLimitException(resourceLimit("it needed more than the sandbox's " + (limits.memoryLimitBytes() >> 20) + " MiB of memory")), peak);
            case "warehouse" -> new Outcome(null, new WarehouseUnavailableException(messages.redactSecret(response.message())), peak);
            default -> new Outcome(null, new QueryFailedException(messages.scrub(response.message()), null), peak);
        };
    }

    private static QueryTimedOutException timedOut(SandboxLimits limits)
    {
        return new QueryTimedOutException(resourceLimit("it ran longer than " + limits.timeout().toSeconds() + " s"));
    }

    private static String resourceLimit(String what)
    {
        return "Resource limit: the query was stopped because " + what + ". Aggregate more, filter earlier, avoid cross joins and large lists or strings.";
    }

    record Worker(Process process, Path directory, BufferedReader output, SandboxLimits limits)
    {
        /**
         * @param starting where the process is registered until it is ready (or failed), for the runner to stop it
         */
        static Worker start(Path root, SandboxLimits limits, boolean kernelLimit, Set<Process> starting)
        {
            Path directory = root.resolve(UUID.randomUUID().toString());
            Process process;
            try {
                Files.createDirectories(directory.resolve("java"));
                Files.createDirectories(directory.resolve("duckdb"));
                ProcessBuilder builder = new ProcessBuilder(command(directory, limits, kernelLimit))
                        .redirectError(directory.resolve("stderr.log").toFile());
                // nothing of this process's environment (on Lambda: AWS credentials) reaches the worker
                Map<String, String> environment = builder.environment();
                environment.keySet().retainAll(Set.of("PATH", "LD_LIBRARY_PATH", "LANG", "LC_ALL", "TZ"));
                process = builder.start();
                starting.add(process);
            }
            catch (IOException e) {
                delete(directory);
                throw new UncheckedIOException("Cannot start the query sandbox under " + root, e);
            }
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Worker worker = new Worker(process, directory, output, limits);
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readLine(output), THREADS);
            try {
                String line = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (!READY.equals(line)) {
                    throw new IllegalStateException("The query sandbox did not start (exit " + exitCode(process) + "): " + stderr(directory));
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.destroy();
                throw new IllegalStateException("Interrupted while starting the query sandbox", e);
            }
            catch (ExecutionException | TimeoutException | RuntimeException e) {
                String detail = stderr(directory);
                worker.destroy();
                throw new IllegalStateException("The query sandbox did not start: " + detail, e);
            }
            finally {
                starting.remove(process);
            }
            return worker;
        }

        /**
         * The JVM this one runs on, from the same class path (on Lambda the function's code, in /var/task), with a small
         * heap; under {@code ulimit -d} where a shell is there to set it.
         */
        static List<String> command(Path directory, SandboxLimits limits, boolean kernelLimit)
        {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = new ArrayList<>();
            Path shell = Path.of("/bin/sh");
            if (kernelLimit && Files.isExecutable(shell)) {
                command.addAll(List.of(shell.toString(), "-c", "ulimit -d " + (limits.dataLimitBytes() >> 10) + " && exec \"$0\" \"$@\""));
            }
            command.add(java);
            command.addAll(List.of("-Xms16m", "-Xmx96m", "-Xss512k", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=32m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
                    // JVM messages (a class-data archive it cannot map, say) go to stderr: stdout carries the response
                    "-Xlog:disable", "-Xlog:all=warning:stderr",
                    "-Djava.io.tmpdir=" + directory.resolve("java"),
                    // where the parent found DuckDB's native library (./duckstep extracts it once and points there)
                    "-Djava.library.path=" + System.getProperty("java.library.path", ""),
                    "-cp", classPath()));
            command.addAll(classDataArchive(ManagementFactory.getRuntimeMXBean().getInputArguments()));
            command.add(SandboxWorker.class.getName());
            return command;
        }

        /**
         * The class-data archive this JVM maps (./duckstep records one per build), for the worker too: most of its classes
         * (DuckDB's driver, Jackson, core) are in it, and mapping them is cheaper than loading them. None otherwise.
         */
        static List<String> classDataArchive(List<String> jvmArguments)
        {
            return jvmArguments.stream()
                    .filter(argument -> argument.startsWith("-XX:SharedArchiveFile="))
                    .reduce((first, last) -> last)
                    .map(List::of)
                    .orElse(List.of());
        }

        static String classPath()
        {
            Set<String> entries = new LinkedHashSet<>();
            for (Class<?> type : List.of(SandboxWorker.class, com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
                    com.fasterxml.jackson.annotation.JsonProperty.class)) {
                Optional.ofNullable(type.getProtectionDomain().getCodeSource())
                        .map(source -> {
                            try {
                                return Path.of(source.getLocation().toURI()).toString();
                            }
                            catch (Exception e) {
                                return null;
                            }
                        })
                        .ifPresent(entries::add);
            }
            try {
                Class<?> driver = Class.forName("org.duckdb.DuckDBDriver");
                entries.add(Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            }
            catch (Exception e) {
                // found through java.class.path below, or the worker says it cannot load DuckDB
            }
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }

        Outcome exchange(SandboxWorker.Request request, SandboxMessages messages)
        {
            try (OutputStream input = process.getOutputStream()) {
                input.write((SandboxWorker.JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                return new Outcome(null, new ResourceLimitException(resourceLimit("its process ended before the query started")), -1);
            }
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readLine(output), THREADS);
            long deadline = System.nanoTime() + limits.timeout().plus(SandboxLimits.KILL_GRACE).toNanos();
            long peak = -1;
            while (true) {
                try {
                    String line = answer.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    return outcome(line, messages, peak);
                }
                catch (TimeoutException e) {
                    // still running
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    destroy();
                    throw new QueryFailedException("Interrupted while the query ran", e);
                }
                catch (ExecutionException e) {
                    return outcome(null, messages, peak);
                }
                long resident = ProcessMemory.residentBytes(process.pid());
                peak = Math.max(peak, resident);
                if (resident > limits.residentLimitBytes()) {
                    destroy();
                    return new Outcome(null, new ResourceLimitException(resourceLimit("it used more than " + (limits.residentLimitBytes() >> 20) + " MiB of memory")), peak);
                }
                if (System.nanoTime() > deadline) {
                    destroy();
                    return new Outcome(null, timedOut(), peak);
                }
            }
        }

        private Outcome outcome(String line, SandboxMessages messages, long observedPeak)
        {
            if (line == null) {
                // no answer: the kernel or the JVM ended the process when memory ran out
                long peak = observedPeak;
                destroy();
                return new Outcome(null, new ResourceLimitException(resourceLimit("its process ran out of memory and ended")), peak);
            }
            SandboxWorker.Response response;
            try {
                response = SandboxWorker.JSON.readValue(line, SandboxWorker.Response.class);
            }
            catch (IOException e) {
                return new Outcome(null, new QueryFailedException("The query sandbox answered something unreadable", e), observedPeak);
            }
            return SandboxedQueryRunner.outcome(response, messages, limits, observedPeak);
        }

        private QueryTimedOutException timedOut()
        {
            return SandboxedQueryRunner.timedOut(limits);
        }

        void destroy()
        {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delete(directory);
        }

        private static String readLine(BufferedReader reader)
        {
            try {
                StringBuilder line = new StringBuilder();
                for (int character = reader.read(); character != -1; character = reader.read()) {
                    if (character == '\n') {
                        return line.toString();
                    }
                    if (line.length() >= RESPONSE_CHARACTERS) {
                        return null;
                    }
                    line.append((char) character);
                }
                return null;
            }
            catch (IOException e) {
                return null;
            }
        }

        private static String exitCode(Process process)
        {
            return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
        }

        private static String stderr(Path directory)
        {
            try {
                String text = Files.readString(directory.resolve("stderr.log"));
                return text.length() > 2000 ? text.substring(0, 2000) : text;
            }
            catch (IOException | RuntimeException e) {
                return "(no error output)";
            }
        }

        private static void delete(Path directory)
        {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    }
                    catch (IOException ignored) {
                        // removed on the next start at the latest
                    }
                });
            }
            catch (IOException | UncheckedIOException ignored) {
                // as above
            }
        }
    }
}
