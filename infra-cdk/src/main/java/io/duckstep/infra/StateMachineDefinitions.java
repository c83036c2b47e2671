package io.duckstep.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one definition of a workflow, {@code state-machines/<name>.asl.json}, and checks that the
 * substitutions the stack supplies and the {@code ${...}} placeholders of the file match exactly.
 */
public final class StateMachineDefinitions
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private StateMachineDefinitions() {}

    public static String read(Path repositoryRoot, String name)
    {
        Path file = repositoryRoot.resolve("state-machines").resolve(name + ".asl.json");
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read state machine definition " + file, e);
        }
    }

    public static Set<String> placeholders(String definition)
    {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definition);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * @throws IllegalArgumentException naming every placeholder without a substitution and every substitution without a placeholder
     */
    public static void checkSubstitutions(String name, String definition, Map<String, String> substitutions)
    {
        Set<String> placeholders = placeholders(definition);
        Set<String> missing = new TreeSet<>(placeholders);
        missing.removeAll(substitutions.keySet());
        Set<String> unused = new TreeSet<>(substitutions.keySet());
        unused.removeAll(placeholders);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException("State machine " + name + ": placeholders without a substitution " + missing
                    + ", substitutions without a placeholder " + unused);
        }
    }
}
