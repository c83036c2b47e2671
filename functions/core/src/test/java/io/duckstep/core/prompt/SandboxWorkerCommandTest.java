package io.duckstep.core.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxWorkerCommandTest
{
    @Test
    void classDataArchive_parentMapsAnArchive_workerMapsTheSameOne()
    {
        assertThat(SandboxedQueryRunner.Worker.classDataArchive(List.of("-Xmx1g", "-XX:SharedArchiveFile=/cache/duckstep.jar.jsa", "-Djava.library.path=/lib")))
                .containsExactly("-XX:SharedArchiveFile=/cache/duckstep.jar.jsa");
    }

    @Test
    void classDataArchive_parentMapsNone_workerIsGivenNone()
    {
        assertThat(SandboxedQueryRunner.Worker.classDataArchive(List.of("-Xmx1g", "-XX:ArchiveClassesAtExit=/tmp/new.jsa"))).isEmpty();
    }

    @Test
    void command_anyParent_sendsJvmMessagesToStderrAndEndsWithTheWorkerClass()
    {
        List<String> command = SandboxedQueryRunner.Worker.command(java.nio.file.Path.of("/tmp/worker"), new SandboxLimits(java.time.Duration.ofSeconds(5), 50, 1000, 512L << 20, SandboxLimits.MARGIN_BYTES, false), false);

        assertThat(command).contains("-Xlog:disable", "-Xlog:all=warning:stderr");
        assertThat(command.get(command.size() - 1)).isEqualTo(SandboxWorker.class.getName());
    }
}
