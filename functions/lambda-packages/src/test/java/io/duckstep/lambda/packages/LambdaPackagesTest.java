package io.duckstep.lambda.packages;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Lambda deployment package stays under Lambda's 250 MB unzipped limit, holds only the arm64 DuckDB library
 * (or none), and only what its kind of task needs.
 */
class LambdaPackagesTest
{
    static final long LAMBDA_UNZIPPED_LIMIT = 250L * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"query", "report", "trigger", "notification", "llm", "api"})
    void package_unzipped_staysUnderLambdasLimit(String kind)
            throws IOException
    {
        assertThat(unzippedSize(jar(kind))).isLessThan(LAMBDA_UNZIPPED_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "report"})
    void duckDbPackage_holdsOnlyTheArm64Library(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).filteredOn(name -> name.startsWith("libduckdb_java")).containsExactly("libduckdb_java.so_linux_arm64");
        assertThat(entries(jar(kind))).noneMatch(name -> name.startsWith("com/openai/"));
        assertThat(entries(jar(kind))).contains("org/crac/Core.class");
    }

    @org.junit.jupiter.api.Test
    void queryPackage_holdsTheSandboxWorkerItStartsFromItsOwnClassPath()
            throws IOException
    {
        // the prompt query starts io.duckstep.core.prompt.SandboxWorker with the function's own code (/var/task) as class path
        assertThat(entries(jar("query"))).contains(
                "io/duckstep/core/prompt/SandboxWorker.class",
                "io/duckstep/core/prompt/sandbox-functions.txt",
                "org/duckdb/DuckDBDriver.class",
                "com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trigger", "notification", "api"})
    void lightPackage_holdsNeitherDuckDbNorOpenAi(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).noneMatch(name -> name.startsWith("libduckdb_java") || name.startsWith("org/duckdb/") || name.startsWith("com/openai/"));
        assertThat(unzippedSize(jar(kind))).isLessThan(40L * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "report", "trigger", "notification", "llm"})
    void package_holdsOneHttpClient(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).noneMatch(name -> name.startsWith("software/amazon/awssdk/http/apache/") || name.startsWith("software/amazon/awssdk/http/nio/netty/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "trigger", "notification", "llm", "api"})
    void packageWithoutReports_holdsNoChartJs(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).noneMatch(name -> name.startsWith("META-INF/resources/webjars/") || name.endsWith(".js.map"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"report"})
    void reportPackage_holdsChartJs(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).anyMatch(name -> name.startsWith("META-INF/resources/webjars/chartjs/") && name.endsWith("/dist/chart.umd.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llm"})
    void modelPackage_holdsOpenAiButNotDuckDb(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).anyMatch(name -> name.startsWith("com/openai/"));
        assertThat(entries(jar(kind))).noneMatch(name -> name.startsWith("libduckdb_java") || name.startsWith("org/duckdb/"));
    }

    private static Path jar(String kind)
    {
        Path root = Path.of(System.getProperty("duckstep.projectRoot", "../.."));
        Path jar = root.resolve("functions/lambda-" + kind + "/target/lambda-" + kind + ".jar");
        if (!Files.isRegularFile(jar) && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Package not built (run mvn package): " + jar);
        }
        assertThat(jar).as("Lambda package").isRegularFile();
        return jar;
    }

    private static List<String> entries(Path jar)
            throws IOException
    {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static long unzippedSize(Path jar)
            throws IOException
    {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().mapToLong(ZipEntry::getSize).sum();
        }
    }
}
