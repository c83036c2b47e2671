package io.duckstep.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duckstep.asl.ExecutionListener;
import io.duckstep.asl.ExecutionResult;
import io.duckstep.asl.ExecutionStatus;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.core.testing.TestingMotherDuck;
import io.duckstep.core.testing.TestingProject;
import io.duckstep.llm.ModelUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary workflow with a MotherDuck warehouse that refuses the token (MotherDuck cannot be reached from tests:
 * {@link TestingMotherDuck} fails the attach with the text MotherDuck would send, quoting the token): the run fails
 * with MotherDuck's reason, and the token is nowhere in the result, the execution history, or the files the run wrote.
 */
class MotherDuckWorkflowTest
{
    private static final String TOKEN = "standin-motherduck-token-5e2f90";

    @TempDir
    Path directory;

    @Test
    void summary_motherDuckRefusesTheToken_failsWithTheReasonAndTheTokenAppearsNowhere()
            throws Exception
    {
        WarehouseSpecification warehouse = new WarehouseSpecification.MotherDuck("analytics", "e_commerce",
                Optional.of(WarehouseAttacher.LOCAL_TOKEN_SECRET), Optional.of(WarehouseAttacher.LOCAL_READ_SCALING_TOKEN_SECRET));
        TestingMotherDuck motherDuck = TestingMotherDuck.refusing("IO Error: Failed to attach 'md:analytics': Your request is not authenticated."
                + " Please check your MotherDuck token (%s).");
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(directory.resolve("runs"), directory.resolve("uploads"), warehouse,
                new DuckDbSettings("500MB", 2, directory.resolve("work"))),
                new EnvironmentSecretStore(Map.of("MOTHERDUCK_TOKEN", TOKEN)),
                () -> {
                    throw new ModelUnavailableException("no model in this test", null);
                },
                motherDuck);

        ExecutionResult result = new LocalWorkflows(tasks, ExecutionListener.NONE)
                .execute(StateMachines.SUMMARY, "refused-run", JsonNodeFactory.instance.objectNode().put("upload", TestingProject.sampleCsv().toString()));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).contains("io.duckstep.core.error.WarehouseUnavailableException");
        assertThat(result.cause().orElseThrow()).contains("MotherDuck refused md:analytics").contains("Your request is not authenticated").contains("([redacted])");
        // the token did reach the attach step: the refusal is about it
        assertThat(motherDuck.tokens()).isNotEmpty().containsOnly(TOKEN);
        // records print every component: the result and every history event, with its error and cause
        String everything = result.toString();
        assertThat(everything).contains("Your request is not authenticated").doesNotContain(TOKEN);
        assertThat(writtenFiles()).noneMatch(text -> text.contains(TOKEN));
    }

    private Stream<String> writtenFiles()
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory.resolve("runs"))) {
            return files.filter(Files::isRegularFile).map(MotherDuckWorkflowTest::read).toList().stream();
        }
    }

    private static String read(Path file)
    {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
