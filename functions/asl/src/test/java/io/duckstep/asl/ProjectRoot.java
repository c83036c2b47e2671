package io.duckstep.asl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The state machine definitions in the project's root directory.
 */
final class ProjectRoot
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private ProjectRoot() {}

    /** The project's root directory ({@link io.duckstep.testing.ProjectRoot}). */
    static Path find()
    {
        return io.duckstep.testing.ProjectRoot.find();
    }

    /** The project's {@code state-machines/*.asl.json}, sorted; none when the directory does not exist. */
    static List<Path> projectDefinitions(Path root)
    {
        return definitionsIn(root.resolve("state-machines"));
    }

    /** This module's valid test definitions. */
    static List<Path> testDefinitions(Path root)
    {
        return definitionsIn(root.resolve("functions/asl/src/test/resources/definitions"));
    }

    /** Replaces each {@code ${Name}} with a syntactically valid dummy Lambda ARN ending in the name. */
    static String withDummyArns(String definition)
    {
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(dummyArn(matcher.group(1))));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    static String dummyArn(String placeholder)
    {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + placeholder.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static List<String> placeholders(String definition)
    {
        return PLACEHOLDER.matcher(definition).results().map(match -> match.group(1)).distinct().toList();
    }

    private static List<Path> definitionsIn(Path directory)
    {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".asl.json")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
