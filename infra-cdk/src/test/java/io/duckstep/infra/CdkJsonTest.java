package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code npx cdk synth} reads from cdk.json: the feature flags aws-cdk-lib itself recommends for the pinned
 * version, and an app command that runs the compiled app with java (no Maven, so nothing to download after the
 * build).
 */
class CdkJsonTest
{
    private static final Path INFRA = TestingStacks.repositoryRoot().resolve("infra-cdk");

    @Test
    void context_carriesEveryFeatureFlagThePinnedAwsCdkLibRecommends()
            throws Exception
    {
        JsonNode recommended = new ObjectMapper().readTree(fileInPinnedAwsCdkLib("package/recommended-feature-flags.json"));
        JsonNode context = new ObjectMapper().readTree(INFRA.resolve("cdk.json").toFile()).path("context");

        assertThat(recommended.size()).isGreaterThan(50);
        List<String> missingOrDifferent = new ArrayList<>();
        recommended.fields().forEachRemaining(flag -> {
            if (!flag.getValue().equals(context.path(flag.getKey()))) {
                missingOrDifferent.add(flag.getKey() + " should be " + flag.getValue() + ", is " + context.path(flag.getKey()));
            }
        });
        assertThat(missingOrDifferent).isEmpty();
    }

    @Test
    void app_runsTheCompiledAppWithJavaNotMaven()
            throws IOException
    {
        String app = new ObjectMapper().readTree(INFRA.resolve("cdk.json").toFile()).path("app").asText();

        // Maven appears only in the hint printed when the build has not been run
        assertThat(app).doesNotContain("exec:java").doesNotContainPattern("(^|[;&|]\\s*)mvn ").contains("java -cp ").contains("target/cdk-app.classpath").contains("io.duckstep.infra.DuckStepApp");
    }

    @Test
    void app_synthesizesFromTheBuildsClassPathFile(@TempDir Path output)
            throws Exception
    {
        String app = new ObjectMapper().readTree(INFRA.resolve("cdk.json").toFile()).path("app").asText();
        Map<String, Object> context = new LinkedHashMap<>(TestingStacks.cdkJsonContext());
        context.put("packagesDirectory", TestingStacks.standInPackages().toString());
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", app).directory(INFRA.toFile()).redirectErrorStream(true);
        // what the CLI gives the app: where to write the cloud assembly, and the context
        builder.environment().put("CDK_OUTDIR", output.toString());
        builder.environment().put("CDK_CONTEXT_JSON", new ObjectMapper().writeValueAsString(context));
        builder.environment().put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");

        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();

        assertThat(exit).as(log).isZero();
        assertThat(output.resolve("DuckStep.template.json")).isNotEmptyFile();
        // cdk-nag's findings and other errors are recorded in the assembly's manifest; the CLI would refuse them
        assertThat(Files.readString(output.resolve("manifest.json"))).doesNotContain("aws:cdk:error");
    }

    /** A file of the aws-cdk-lib npm package that the aws-cdk-lib jar on the class path carries (as its jsii tarball). */
    private static byte[] fileInPinnedAwsCdkLib(String name)
            throws IOException, URISyntaxException
    {
        Path jar = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry tarball = zip.stream().filter(entry -> entry.getName().endsWith(".jsii.tgz")).findFirst().orElseThrow();
            try (InputStream tar = new GZIPInputStream(zip.getInputStream(tarball))) {
                return fileInTar(tar, name);
            }
        }
    }

    /** Reads a (ustar) tar stream up to the file named {@code name}. */
    private static byte[] fileInTar(InputStream tar, String name)
            throws IOException
    {
        byte[] header = new byte[512];
        while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
            String entry = field(header, 345, 155).isEmpty() ? field(header, 0, 100) : field(header, 345, 155) + "/" + field(header, 0, 100);
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            if (entry.equals(name)) {
                return tar.readNBytes((int) size);
            }
            long padded = (size + 511) / 512 * 512;
            tar.skipNBytes(padded);
        }
        throw new IllegalStateException(name + " is not in the aws-cdk-lib tarball");
    }

    private static String field(byte[] header, int offset, int length)
    {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
