package io.duckstep.core.prompt;

import io.duckstep.core.error.DuckStepException;

/**
 * A sandboxed query needed more memory than the sandbox allows and was stopped: by DuckDB's own limit, by the
 * kernel's, or by the runner killing its worker process. Like a timeout, a failed attempt the model is told about.
 */
public final class ResourceLimitException
        extends DuckStepException
{
    public ResourceLimitException(String message)
    {
        super(message);
    }
}
