package io.duckstep.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duckstep.core.duckdb.DuckDbSettings;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.testing.ProjectRoot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The string seam between the state machine files and the local runner: every Task state of every
 * {@code state-machines/*.asl.json} (nested ones included) names a resource that the local runner has a handler for,
 * once its {@code ${...}} placeholders are substituted as the runner substitutes them.
 */
class LocalTaskResourcesTest
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    @TestFactory
    Stream<DynamicTest> handlers_everyTaskResourceOfEveryDefinition_hasALocalHandler()
            throws IOException
    {
        LocalTasks tasks = new LocalTasks(new LocalConfiguration(directory.resolve("runs"), directory.resolve("uploads"),
                new WarehouseSpecification.DuckDbFile(directory.resolve("warehouse.duckdb").toString()),
                new DuckDbSettings("1GB", 1, directory.resolve("work"))));
        Map<String, String> substitutions = tasks.substitutions();
        Map<String, ?> handlers = tasks.handlers();

        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : definitions()) {
            List<TaskResource> resources = new ArrayList<>();
            taskResources(JSON.readTree(file.toFile()), resources);
            assertThat(resources).as("Task states of %s", file).isNotEmpty();
            for (TaskResource task : resources) {
                tests.add(dynamicTest(file.getFileName() + " " + task.state() + " " + task.resource(), () -> {
                    assertThat(PLACEHOLDER.matcher(task.resource()).results().map(match -> match.group(1)))
                            .as("placeholders of %s in %s", task.state(), file)
                            .allSatisfy(name -> assertThat(substitutions).containsKey(name));
                    assertThat(handlers).as("local handlers").containsKey(substitute(task.resource(), substitutions));
                }));
            }
        }
        return tests.stream();
    }

    private static List<Path> definitions()
            throws IOException
    {
        try (Stream<Path> files = Files.list(ProjectRoot.find().resolve("state-machines"))) {
            List<Path> definitions = files.filter(file -> file.getFileName().toString().endsWith(".asl.json")).sorted().toList();
            assertThat(definitions).as("state-machines/*.asl.json").isNotEmpty();
            return definitions;
        }
    }

    /** Every Task state's resource in a graph ({@code States}) and in the graphs of its Parallel branches and Map processors. */
    static void taskResources(JsonNode graph, List<TaskResource> resources)
    {
        graph.path("States").fields().forEachRemaining(entry -> {
            JsonNode state = entry.getValue();
            if ("Task".equals(state.path("Type").asText())) {
                resources.add(new TaskResource(entry.getKey(), state.path("Resource").asText()));
            }
            state.path("Branches").forEach(branch -> taskResources(branch, resources));
            taskResources(state.path("ItemProcessor"), resources);
            taskResources(state.path("Iterator"), resources);
        });
    }

    private static String substitute(String resource, Map<String, String> substitutions)
    {
        Matcher matcher = PLACEHOLDER.matcher(resource);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(substitutions.getOrDefault(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    record TaskResource(String state, String resource) {}
}
