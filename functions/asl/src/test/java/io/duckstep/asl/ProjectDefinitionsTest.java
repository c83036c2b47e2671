package io.duckstep.asl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every definition the project deploys ({@code state-machines/*.asl.json}) is accepted by the local
 * runner: nothing in it is malformed or unsupported. Placeholders get dummy Lambda ARNs.
 */
class ProjectDefinitionsTest
{
    @TestFactory
    Stream<DynamicTest> parse_everyProjectDefinition_isAccepted()
    {
        Path root = ProjectRoot.find();
        return ProjectRoot.projectDefinitions(root).stream()
                .map(definition -> dynamicTest(root.relativize(definition).toString(), () -> parse(definition)));
    }

    private static void parse(Path definition)
            throws IOException
    {
        String text = Files.readString(definition, StandardCharsets.UTF_8);
        Map<String, String> substitutions = ProjectRoot.placeholders(text).stream()
                .collect(Collectors.toMap(Function.identity(), ProjectRoot::dummyArn));
        Set<String> resources = new HashSet<>();
        collectResources(TestDefinitions.json(ProjectRoot.withDummyArns(text)), resources);
        String name = definition.getFileName().toString().replace(".asl.json", "");

        StateMachine machine = StateMachine.parse(name, text, substitutions, resources);

        assertThat(machine.resources()).isSubsetOf(resources);
    }

    private static void collectResources(JsonNode node, Set<String> resources)
    {
        if (node.isObject()) {
            JsonNode resource = node.get("Resource");
            if (resource != null && resource.isTextual()) {
                resources.add(resource.textValue());
            }
        }
        node.elements().forEachRemaining(child -> collectResources(child, resources));
    }
}
