package io.duckstep.lambda.support;

import org.crac.CheckpointException;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapStartPrimingTest
{
    @Test
    void register_runtimeTakesASnapshot_primesOnceBeforeIt()
            throws Exception
    {
        TestingRuntimeContext runtime = new TestingRuntimeContext();
        AtomicInteger primed = new AtomicInteger();

        SnapStartPriming.register(runtime, primed::incrementAndGet);

        assertThat(primed).hasValue(0);
        runtime.beforeCheckpoint(null);
        assertThat(primed).hasValue(1);
        runtime.afterRestore(null);
        assertThat(primed).hasValue(1);
    }

    @Test
    void register_primingFails_theSnapshotIsNotTaken()
    {
        TestingRuntimeContext runtime = new TestingRuntimeContext();

        SnapStartPriming.register(runtime, () -> {
            throw new IllegalStateException("native library missing");
        });

        assertThatThrownBy(() -> runtime.beforeCheckpoint(null)).isInstanceOf(CheckpointException.class)
                .cause().hasMessage("native library missing");
    }

    /** The runtime's side of org.crac: holds the registered resources, and calls them around a snapshot. */
    private static final class TestingRuntimeContext
            extends Context<Resource>
    {
        private final List<Resource> resources = new ArrayList<>();

        @Override
        public void register(Resource resource)
        {
            resources.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context)
                throws CheckpointException
        {
            for (Resource resource : resources) {
                try {
                    resource.beforeCheckpoint(this);
                }
                catch (Exception e) {
                    CheckpointException failure = new CheckpointException();
                    failure.initCause(e);
                    throw failure;
                }
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context)
        {
            for (Resource resource : resources) {
                try {
                    resource.afterRestore(this);
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
