package io.duckstep.core.prompt;

import io.duckstep.core.error.InvalidInputException;
import io.duckstep.core.error.ObjectNotFoundException;
import io.duckstep.core.storage.ObjectStorage;
import io.duckstep.core.task.PromptQueryInput;
import io.duckstep.core.task.Task;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs SQL the model wrote: first the {@link SqlGuard}, then the {@link SandboxedQueryRunner} over the inputs
 * (validated Parquet files), in a worker process. A refusal, an SQL error, a timeout or a resource limit is an
 * exception the state machine catches and sends back to the model as a failed attempt.
 */
public final class PromptQueryTask
        implements Task<PromptQueryInput, SandboxedResult>, AutoCloseable
{
    private final ObjectStorage storage;
    private final SqlGuard guard;
    private final SandboxedQueryRunner runner;

    public PromptQueryTask(ObjectStorage storage, SqlGuard guard, SandboxedQueryRunner runner)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.guard = requireNonNull(guard, "guard is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    /** Starts the sandbox's worker ahead of the first query ({@link SandboxedQueryRunner#prepare()}). */
    public void prepare()
    {
        runner.prepare();
    }

    /** Stops the sandbox's spare worker ({@link SandboxedQueryRunner#close()}). */
    @Override
    public void close()
    {
        runner.close();
    }

    @Override
    public SandboxedResult run(PromptQueryInput input)
    {
        String sql = input.sql();
        Map<String, String> inputs = input.inputs();
        guard.check(sql);
        Map<String, Path> files = new LinkedHashMap<>();
        inputs.forEach((table, location) -> {
            try {
                files.put(table, storage.fetch(location));
            }
            catch (ObjectNotFoundException e) {
                throw new InvalidInputException(location, "file does not exist");
            }
        });
        return runner.run(sql, files);
    }
}
