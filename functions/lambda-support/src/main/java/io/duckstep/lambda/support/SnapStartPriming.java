package io.duckstep.lambda.support;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * Runs a function's priming before SnapStart takes its snapshot ({@code beforeCheckpoint}), so that restored
 * environments start with that work done. Outside SnapStart (a plain Lambda, a test, the command line) registering
 * does nothing. A priming must capture nothing of a caller's: no secret, no connection, no warehouse.
 */
public final class SnapStartPriming
        implements Resource
{
    /** The work to do before the snapshot. */
    @FunctionalInterface
    public interface Priming
    {
        void prime()
                throws Exception;
    }

    // org.crac holds resources weakly: keep a strong reference for the life of the function.
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final Priming priming;

    private SnapStartPriming(Priming priming)
    {
        this.priming = requireNonNull(priming, "priming is null");
    }

    /** Registers the priming with the runtime. */
    public static void register(Priming priming)
    {
        register(Core.getGlobalContext(), priming);
    }

    static void register(Context<Resource> context, Priming priming)
    {
        SnapStartPriming resource = new SnapStartPriming(priming);
        context.register(resource);
        REGISTERED.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context)
            throws Exception
    {
        priming.prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}
}
