package io.duckstep.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateMachineDefinitionsTest
{
    @Test
    void checkSubstitutions_placeholderWithoutSubstitution_isRefused()
    {
        assertThatThrownBy(() -> StateMachineDefinitions.checkSubstitutions("x", "{\"Resource\": \"${A}\", \"Other\": \"${B}\"}", Map.of("A", "arn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("State machine x: placeholders without a substitution [B], substitutions without a placeholder []");
    }

    @Test
    void checkSubstitutions_substitutionWithoutPlaceholder_isRefused()
    {
        assertThatThrownBy(() -> StateMachineDefinitions.checkSubstitutions("x", "{\"Resource\": \"${A}\"}", Map.of("A", "arn", "Stale", "arn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("State machine x: placeholders without a substitution [], substitutions without a placeholder [Stale]");
    }

    @Test
    void placeholders_everyProjectDefinition_hasOnlyArnPlaceholders()
            throws IOException
    {
        try (Stream<Path> files = Files.list(TestingStacks.repositoryRoot().resolve("state-machines"))) {
            files.filter(file -> file.toString().endsWith(".asl.json")).forEach(file -> {
                String name = file.getFileName().toString().replace(".asl.json", "");
                assertThat(StateMachineDefinitions.placeholders(StateMachineDefinitions.read(TestingStacks.repositoryRoot(), name)))
                        .isNotEmpty()
                        .allMatch(placeholder -> placeholder.endsWith("FunctionArn") || placeholder.endsWith("StateMachineArn"));
            });
        }
    }
}
