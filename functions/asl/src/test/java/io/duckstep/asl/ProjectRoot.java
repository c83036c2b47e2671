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
 * Finds the project's root directory and the state machine definitions in it.
 */
final class ProjectRoot
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private ProjectRoot() {}

    /** The system property {@code duckstep.projectRoot}, else the nearest ancestor of the working directory holding {@code state-machines/} or a {@code pom.xml} beside {@code functions/}. */
    static Path find()
    {
        String configured = System.getProperty("duckstep.projectRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("state-machines"))
                    || (Files.isRegularFile(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("functions")))) {
                return directory;
            }
        }
        throw new IllegalStateException("Cannot find the project root above " + System.getProperty("user.dir") + "; set -Dduckstep.projectRoot");
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
