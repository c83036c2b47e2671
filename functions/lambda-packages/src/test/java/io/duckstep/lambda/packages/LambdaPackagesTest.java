package io.duckstep.lambda.packages;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        // extracted on Lambda's library path (/var/task/lib), not where the driver would copy it out on every start
        assertThat(entries(jar(kind))).filteredOn(name -> name.contains("libduckdb_java")).containsExactly("lib/libduckdb_java.so");
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
    @ValueSource(strings = {"query", "report"})
    void duckDbPackage_library_isTheDriversArm64Library(String kind)
            throws IOException
    {
        try (ZipFile zip = new ZipFile(jar(kind).toFile());
                ZipFile driver = new ZipFile(duckDbDriverJar().toFile())) {
            ZipEntry packaged = zip.getEntry("lib/libduckdb_java.so");
            ZipEntry original = driver.getEntry("libduckdb_java.so_linux_arm64");
            assertThat(packaged.getSize()).isEqualTo(original.getSize());
            assertThat(packaged.getCrc()).isEqualTo(original.getCrc());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trigger", "notification", "api"})
    void lightPackage_holdsNeitherDuckDbNorOpenAi(String kind)
            throws IOException
    {
        assertThat(entries(jar(kind))).noneMatch(name -> name.startsWith("libduckdb_java") || name.startsWith("org/duckdb/") || name.startsWith("com/openai/"));
        // The SDK clients they use (notification: S3 for its markers, SNS, Step Functions: about 20 MB of models) and
        // Powertools (Log4j and the EMF library, about 10 MB) come to 30-50 MiB; DuckDB's arm64 library alone adds 51 MiB.
        assertThat(unzippedSize(jar(kind))).isLessThan(60L * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trigger", "notification", "llm", "api"})
    void packageWithoutDuckDb_holdsNotCore(String kind)
            throws IOException
    {
        // they use AWS through aws-clients and meet the other modules through contract; core drags DuckDB's API in
        assertThat(entries(jar(kind))).filteredOn(name -> name.endsWith(".class"))
                .noneMatch(name -> name.startsWith("io/duckstep/core/") || name.startsWith("io/duckstep/aws/") && !name.startsWith("io/duckstep/aws/clients/"));
        assertThat(entries(jar(kind))).contains("io/duckstep/aws/clients/AwsClients.class", "io/duckstep/contract/EnvironmentVariables.class");
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "report", "trigger", "notification", "llm", "api"})
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
            Assumptions.abort("Lambda packages not built: run mvn -B -DskipTests package first");
        }
        assertThat(jar).as("Lambda package").isRegularFile();
        return jar;
    }

    /** The duckdb_jdbc jar on this test's classpath: the one the packages were built from. */
    private static Path duckDbDriverJar()
    {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(path -> path.getFileName().toString().startsWith("duckdb_jdbc-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("duckdb_jdbc is not on the test classpath"));
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
