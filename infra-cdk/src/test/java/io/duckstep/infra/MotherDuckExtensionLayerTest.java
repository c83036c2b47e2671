package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code -c warehouse=motherduck}: the extension layer built from the downloaded file (a stand-in with DuckDB's
 * metadata footer here), attached with the extension directory setting to exactly the functions that read the
 * warehouse, and which function may read which secret.
 */
class MotherDuckExtensionLayerTest
{
    private static final String QUERY = "io.duckstep.lambda.query.QueryHandler::handleRequest";
    private static final String DESCRIBE = "io.duckstep.lambda.query.DescribeDataHandler::handleRequest";
    private static final String PROMPT_QUERY = "io.duckstep.lambda.query.PromptQueryHandler::handleRequest";
    private static final String MODEL = "io.duckstep.lambda.llm.ModelHandler::handleRequest";

    @TempDir
    static Path directory;

    private static Path extension;
    private static JsonNode template;

    @BeforeAll
    static void synthesize()
    {
        extension = TestingStacks.standInMotherDuckExtension("linux_arm64", "v1.5.6");
        App app = TestingStacks.app(Map.of(MotherDuckExtensionLayer.CONTEXT_KEY, extension.toString()), Optional.of(directory.resolve("cdk.out")));
        template = new ObjectMapper().valueToTree(Template.fromStack(TestingStacks.stack(app, "motherduck", Optional.of("analytics"), Optional.empty())).toJSON());
    }

    @Test
    void layer_isOneArm64LayerForTheJavaRuntime()
    {
        Map<String, JsonNode> layers = resources("AWS::Lambda::LayerVersion");

        assertThat(layers).hasSize(1);
        JsonNode properties = layers.values().iterator().next().path("Properties");
        assertThat(properties.path("CompatibleArchitectures").toString()).isEqualTo("[\"arm64\"]");
        assertThat(properties.path("CompatibleRuntimes").toString()).isEqualTo("[\"java25\"]");
    }

    @Test
    void layerAsset_holdsTheFileWhereDuckDbLooksForIt()
            throws Exception
    {
        // Lambda unpacks a layer under /opt: /opt/duckdb_extensions/v1.5.6/linux_arm64/motherduck.duckdb_extension
        try (Stream<Path> files = Files.walk(directory.resolve("cdk.out"))) {
            Path staged = files.filter(file -> file.endsWith(Path.of("duckdb_extensions", "v1.5.6", "linux_arm64", "motherduck.duckdb_extension")))
                    .findFirst().orElseThrow(() -> new AssertionError("no staged extension in the cloud assembly"));
            assertThat(Files.readAllBytes(staged)).isEqualTo(Files.readAllBytes(extension));
        }
    }

    @Test
    void functionsThatReadTheWarehouse_haveTheLayerAndTheExtensionDirectory()
    {
        Map<String, JsonNode> functions = functionsByHandler();
        String layer = resources("AWS::Lambda::LayerVersion").keySet().iterator().next();

        Set<String> withLayer = new TreeSet<>();
        functions.forEach((handler, function) -> {
            JsonNode properties = function.path("Properties");
            String directorySetting = properties.path("Environment").path("Variables").path("DUCKSTEP_EXTENSION_DIRECTORY").asText("");
            if (properties.path("Layers").toString().contains(layer)) {
                withLayer.add(handler);
                assertThat(directorySetting).as(handler).isEqualTo("/opt/duckdb_extensions");
            }
            else {
                assertThat(directorySetting).as(handler).isEmpty();
            }
        });
        assertThat(withLayer).containsExactlyInAnyOrder(QUERY, DESCRIBE, PROMPT_QUERY);
    }

    @Test
    void secrets_fullTokenOnlyForTheSummaryQueriesReadScalingOnlyForThePromptsDuckDbFunctions()
    {
        Map<String, Set<String>> readers = secretReaders();

        assertThat(readers).containsOnlyKeys("SecretsMotherDuckToken", "SecretsMotherDuckReadScalingToken", "SecretsOpenAiKey");
        assertThat(readers.get("SecretsMotherDuckToken")).containsExactly(QUERY);
        assertThat(readers.get("SecretsMotherDuckReadScalingToken")).containsExactlyInAnyOrder(DESCRIBE, PROMPT_QUERY);
        assertThat(readers.get("SecretsOpenAiKey")).containsExactly(MODEL);
    }

    @Test
    void environment_namesOnlyTheSecretEachFunctionMayRead()
    {
        Map<String, JsonNode> functions = functionsByHandler();

        assertThat(variables(functions.get(QUERY))).contains("\"DUCKSTEP_MOTHERDUCK_TOKEN_SECRET\"").doesNotContain("READ_SCALING");
        for (String handler : new String[] {DESCRIBE, PROMPT_QUERY}) {
            assertThat(variables(functions.get(handler))).as(handler).contains("\"DUCKSTEP_MOTHERDUCK_READ_SCALING_TOKEN_SECRET\"")
                    .doesNotContain("\"DUCKSTEP_MOTHERDUCK_TOKEN_SECRET\"");
        }
        functions.forEach((handler, function) -> {
            if (!Set.of(QUERY, DESCRIBE, PROMPT_QUERY).contains(handler)) {
                assertThat(variables(function)).as(handler).doesNotContain("MotherDuckToken").doesNotContain("MotherDuckReadScalingToken");
            }
        });
    }

    @Test
    void synthesis_withoutTheExtensionFile_stopsSayingHowToGetIt()
    {
        Path missing = directory.resolve("nowhere").resolve("motherduck.duckdb_extension");

        assertThatThrownBy(() -> synthesize(missing))
                .hasMessageContaining("warehouse=motherduck needs the MotherDuck extension for DuckDB v1.5.6 on linux_arm64, and " + missing + " does not exist")
                .hasMessageContaining("./duckstep extensions download motherduck --platform linux_arm64 --out infra-cdk/extensions");
    }

    @Test
    void synthesis_extensionOfAnotherPlatform_isRefusedNamingBoth()
    {
        Path amd64 = TestingStacks.standInMotherDuckExtension("linux_amd64", "v1.5.6");

        assertThatThrownBy(() -> synthesize(amd64))
                .hasMessageContaining("Refusing " + amd64 + ": it is built for DuckDB v1.5.6 on linux_amd64, but the Lambda functions run DuckDB v1.5.6 on linux_arm64");
    }

    @Test
    void synthesis_extensionOfAnotherDuckDbVersion_isRefusedNamingBoth()
    {
        Path older = TestingStacks.standInMotherDuckExtension("linux_arm64", "v1.4.1");

        assertThatThrownBy(() -> synthesize(older))
                .hasMessageContaining("it is built for DuckDB v1.4.1 on linux_arm64, but the Lambda functions run DuckDB v1.5.6 on linux_arm64");
    }

    @Test
    void synthesis_fileWithoutFooter_isRefused()
            throws Exception
    {
        Path text = Files.writeString(directory.resolve("not-an-extension"), "hello");

        assertThatThrownBy(() -> synthesize(text)).hasMessageContaining("it is not a DuckDB extension file");
    }

    @Test
    void duckDbWarehouse_hasNoLayer()
    {
        JsonNode duckDb = new ObjectMapper().valueToTree(Template.fromStack(TestingStacks.stack(TestingStacks.app(), "duckdb", Optional.empty(), Optional.empty())).toJSON());

        assertThat(duckDb.path("Resources").toString()).doesNotContain("AWS::Lambda::LayerVersion").doesNotContain("DUCKSTEP_EXTENSION_DIRECTORY");
    }

    @Test
    void engineVersion_isThePomsDuckDbVersionAsDuckDbNamesIt()
            throws Exception
    {
        String pom = Files.readString(TestingStacks.repositoryRoot().resolve("pom.xml"));
        String pinned = pom.replaceAll("(?s).*<duckdb\\.version>([^<]+)</duckdb\\.version>.*", "$1");

        assertThat("v" + pinned).startsWith(MotherDuckExtensionLayer.engineVersion(TestingStacks.repositoryRoot()) + ".");
    }

    private static void synthesize(Path extensionFile)
    {
        App app = TestingStacks.app(Map.of(MotherDuckExtensionLayer.CONTEXT_KEY, extensionFile.toString()), Optional.empty());
        TestingStacks.stack(app, "motherduck", Optional.of("analytics"), Optional.empty());
    }

    private static Map<String, JsonNode> resources(String type)
    {
        Map<String, JsonNode> found = new TreeMap<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    private static Map<String, JsonNode> functionsByHandler()
    {
        Map<String, JsonNode> functions = new TreeMap<>();
        resources("AWS::Lambda::Function").values().forEach(function -> {
            String handler = function.path("Properties").path("Handler").asText();
            if (!handler.isEmpty()) {
                functions.put(handler, function);
            }
        });
        return functions;
    }

    /** Secret (logical id without CDK's hash) to the handlers of the functions whose role may read it. */
    private static Map<String, Set<String>> secretReaders()
    {
        Map<String, String> handlerByRole = new TreeMap<>();
        functionsByHandler().forEach((handler, function) -> handlerByRole.put(function.path("Properties").path("Role").path("Fn::GetAtt").path(0).asText(), handler));
        Map<String, Set<String>> readers = new TreeMap<>();
        resources("AWS::IAM::Policy").values().forEach(policy -> policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
            if (!statement.path("Action").toString().contains("secretsmanager:GetSecretValue")) {
                return;
            }
            String secret = statement.path("Resource").path("Ref").asText().replaceAll("[0-9A-F]{8}$", "");
            policy.path("Properties").path("Roles").forEach(role -> {
                String handler = handlerByRole.get(role.path("Ref").asText());
                readers.computeIfAbsent(secret, key -> new TreeSet<>()).add(handler == null ? "role " + role.path("Ref").asText() : handler);
            });
        }));
        return readers;
    }

    private static String variables(JsonNode function)
    {
        return function.path("Properties").path("Environment").path("Variables").toString();
    }
}
