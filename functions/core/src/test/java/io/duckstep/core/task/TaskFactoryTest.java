package io.duckstep.core.task;

import io.duckstep.core.duckdb.DuckDb;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.prompt.SandboxLimits;
import io.duckstep.core.query.RunLayout;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.storage.LocalFileStorage;
import io.duckstep.core.testing.TestingSecretStore;
import io.duckstep.core.upload.QuarantinedUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskFactoryTest
{
    @TempDir
    Path directory;

    @Test
    void sandboxLimits_configuredDuckDb_areTheSandboxDefaultsWithItsMemoryLimit()
    {
        SandboxLimits limits = factory().sandboxLimits();

        assertThat(limits.timeout()).isEqualTo(SandboxLimits.TIMEOUT);
        assertThat(limits.rowCap()).isEqualTo(SandboxLimits.ROW_CAP);
        assertThat(limits.characterCap()).isEqualTo(SandboxLimits.CHARACTER_CAP);
        assertThat(limits.memoryLimitBytes()).isEqualTo(500L << 20);
    }

    @Test
    void latestUploadAndQuarantine_inputRecords_runInTheFactorysPlaces()
            throws Exception
    {
        Path upload = Files.writeString(Files.createDirectories(directory.resolve("uploads")).resolve("december.csv"), "Invoice\n1\n");
        TaskFactory factory = factory();

        String latest = factory.latestUpload().run(new LatestUploadInput());
        QuarantinedUpload quarantined = factory.quarantine().run(new QuarantineInput("run-1", latest,
                new TaskError("io.duckstep.core.error.InvalidInputException", "{\"errorMessage\": \"december.csv, line 2: bad\"}")));

        assertThat(latest).isEqualTo(upload.toString());
        assertThat(quarantined.copy()).isEqualTo(directory.resolve("runs/run-1/quarantine/december.csv").toString());
        assertThat(quarantined.reason()).isEqualTo("december.csv, line 2: bad");
    }

    private TaskFactory factory()
    {
        return new TaskFactory(new DuckDb(new DuckDbSettings("500MiB", 1, directory.resolve("work"))), new RunLayout(new LocalFileStorage(), directory.resolve("runs").toString()),
                new TestingSecretStore(Map.of()), new WarehouseSpecification.None(), directory.resolve("uploads").toString());
    }
}
