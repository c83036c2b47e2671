package io.duckstep.asl;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every definition the project deploys ({@code state-machines/*.asl.json}) and every valid test
 * definition of this module passes the {@code asl-validator} CLI pinned in {@code tools/asl-validator},
 * with {@code ${...}} placeholders replaced by dummy Lambda ARNs first. The validator is installed beforehand
 * ({@code npm ci --prefix tools/asl-validator}, as {@code .ci/run} does); the test never writes into the source tree.
 */
class AslValidatorTest
{
    private static final long PROCESS_HANG_GUARD_MINUTES = 5;

    @TestFactory
    Stream<DynamicTest> validate_everyDefinition_passesAslValidator()
            throws IOException, InterruptedException
    {
        Path root = ProjectRoot.find();
        Path validatorDirectory = root.resolve("tools/asl-validator");
        Path validator = validatorDirectory.resolve("node_modules/.bin/asl-validator");
        requireTool("node", "Node.js 20+ is not installed: apt-get install nodejs npm, then npm ci --prefix tools/asl-validator");
        if (!Files.isExecutable(validator)) {
            missing("asl-validator is not installed: run npm ci --prefix tools/asl-validator");
        }
        List<Path> definitions = new ArrayList<>(ProjectRoot.projectDefinitions(root));
        definitions.addAll(ProjectRoot.testDefinitions(root));
        assertThat(ProjectRoot.testDefinitions(root)).as("this module's test definitions").isNotEmpty();

        // One validator run for all files (starting node is slow); each file's test then reads its verdict.
        Path directory = Files.createTempDirectory("asl-validator-");
        Map<Path, Path> substituted = new LinkedHashMap<>();
        String output;
        try {
            List<String> command = new ArrayList<>(List.of(validator.toString()));
            for (int i = 0; i < definitions.size(); i++) {
                Path definition = definitions.get(i);
                Path copy = directory.resolve(i + "-" + definition.getFileName());
                Files.writeString(copy, ProjectRoot.withDummyArns(Files.readString(definition, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                substituted.put(definition, copy);
                command.addAll(List.of("--json-path", copy.toString()));
            }
            output = run(validatorDirectory, command).output();
        }
        finally {
            for (Path copy : substituted.values()) {
                Files.deleteIfExists(copy);
            }
            Files.deleteIfExists(directory);
        }
        return definitions.stream().map(definition -> dynamicTest(root.relativize(definition).toString(),
                () -> assertThat(output)
                        .as("asl-validator verdict on %s (validated as %s)", definition, substituted.get(definition))
                        .contains("✓ State machine definition \"" + substituted.get(definition) + "\" is valid")));
    }

    private static void requireTool(String tool, String whatToDo)
            throws InterruptedException
    {
        boolean available;
        try {
            available = run(Path.of("."), List.of(tool, "--version")).exitCode() == 0;
        }
        catch (IOException e) {
            available = false;
        }
        if (!available) {
            missing(whatToDo);
        }
    }

    /** Skips the test (listed at the end of the build) when a tool is missing, except on CI (CI=true), where it fails. */
    private static void missing(String whatToDo)
    {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(whatToDo);
        }
        Assumptions.abort(whatToDo);
    }

    private static Result run(Path directory, List<String> command)
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(PROCESS_HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {}
}
