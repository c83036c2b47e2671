package io.duckstep.core.architecture;

import io.duckstep.core.testing.TestingProject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain module must run anywhere: it may not reference the AWS SDK, the Lambda runtime
 * libraries or any other AWS package, neither by import nor by a fully-qualified name.
 */
class DomainIndependenceTest
{
    private static final Pattern AWS_REFERENCE = Pattern.compile("\\b(software\\.amazon|com\\.amazonaws|com\\.amazon\\.aws)\\.");

    @Test
    void domainSources_referenceNoAwsPackage()
    {
        Path sources = TestingProject.root().resolve("functions/core/src/main/java");
        List<Path> files = javaFiles(sources);

        assertThat(files).as("domain sources found").hasSizeGreaterThan(10);
        assertThat(files).allSatisfy(file -> assertThat(read(file))
                .as("%s must not reference AWS", sources.relativize(file))
                .doesNotContainPattern(AWS_REFERENCE));
    }

    @Test
    void domainPom_dependsOnNoAwsArtifact()
    {
        String pom = read(TestingProject.root().resolve("functions/core/pom.xml"));

        assertThat(pom).doesNotContain("software.amazon").doesNotContain("com.amazonaws");
    }

    @Test
    void awsPattern_matchesAnAwsImport()
    {
        // guards the guard: the pattern really catches what it is meant to
        assertThat("import software.amazon.awssdk.services.s3.S3Client;").containsPattern(AWS_REFERENCE);
        assertThat("import com.amazonaws.services.lambda.runtime.Context;").containsPattern(AWS_REFERENCE);
        assertThat("import io.duckstep.core.storage.ObjectStorage;").doesNotContainPattern(AWS_REFERENCE);
    }

    private static List<Path> javaFiles(Path root)
    {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
