package io.duckstep.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataTrainingCommandTest
{
    @Test
    void call_bundledSample_runsEveryTrainedCommandToCompletion(@TempDir Path directory)
            throws Exception
    {
        CommandResult result = CommandResult.run("class-data-training", directory.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(directory.resolve("demo/warehouse.duckdb")).isRegularFile();
        assertThat(directory.resolve("query.parquet")).isRegularFile();
        try (Stream<Path> files = Files.walk(directory.resolve("ask"))) {
            assertThat(files.map(path -> path.getFileName().toString())).contains("history.json", "mydf.parquet");
        }
    }

    @Test
    void help_listsNoTrainingCommand()
    {
        CommandResult result = CommandResult.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("demo").doesNotContain("class-data-training");
    }
}
