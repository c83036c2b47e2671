package io.duckstep.lambda.llm;

import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.SqlAssistant;
import io.duckstep.lambda.support.SnapStartPriming;

import static java.util.Objects.requireNonNull;

/**
 * SnapStart priming for the model function: before the snapshot, build a client and do openai-java's first-request
 * work ({@link SqlAssistant#prepare()}: the request's Kotlin metadata, the JSON mapping of requests and completions),
 * which a cold invocation would otherwise do before its first call to the model. The client gets a placeholder key
 * and is thrown away: it sends nothing, and no secret is read, so nothing of a caller's is in the snapshot. The
 * invocation's own client is made with the real key, as before.
 */
public final class ModelPriming
{
    /** What the priming client is given instead of a key; it never leaves the process. */
    static final String PLACEHOLDER_KEY = "not-a-key-priming-sends-nothing";

    private final ModelSettings settings;

    private ModelPriming(ModelSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public static ModelPriming create(ModelSettings settings)
    {
        return new ModelPriming(settings);
    }

    /** Registers priming with the runtime; a no-op outside SnapStart. */
    public static void register(ModelSettings settings)
    {
        SnapStartPriming.register(create(settings)::prime);
    }

    /** Does the client's first-request work once; also callable directly (and tested). */
    public void prime()
    {
        new SqlAssistant(SqlAssistant.client(settings, PLACEHOLDER_KEY), settings).prepare();
    }
}
