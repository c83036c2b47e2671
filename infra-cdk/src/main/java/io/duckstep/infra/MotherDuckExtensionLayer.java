package io.duckstep.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_EXTENSION_DIRECTORY;

/**
 * With {@code -c warehouse=motherduck}: the {@code motherduck} DuckDB extension as a Lambda layer, built from a file the
 * user downloaded once ({@code duckstep extensions download motherduck --platform linux_arm64 --out infra-cdk/extensions};
 * another file with {@code -c motherduckExtension=FILE}), and the one way a function is given MotherDuck:
 * {@link #attach} adds the layer, points DuckDB's extension directory at it ({@code DUCKSTEP_EXTENSION_DIRECTORY}) and
 * grants reading exactly one token secret. Synthesis stops when the file is missing, or built for another platform or
 * DuckDB version (read from its metadata footer), before anything is deployed. Nothing is built or downloaded here.
 */
public final class MotherDuckExtensionLayer
        extends Construct
{
    public static final String CONTEXT_KEY = "motherduckExtension";
    public static final String PLATFORM = "linux_arm64";
    /** Where the layer's contents appear on Lambda; DuckDB reads {@code <dir>/<version>/<platform>/motherduck.duckdb_extension}. */
    public static final String EXTENSION_DIRECTORY = "/opt/duckdb_extensions";
    private static final String ID = "MotherDuckExtension";
    private static final String FILE_NAME = "motherduck.duckdb_extension";
    private static final int FOOTER_SIZE = 512;
    private static final int FIELD_SIZE = 32;

    private final LayerVersion layer;

    private MotherDuckExtensionLayer(Construct scope, String id, Path repositoryRoot)
    {
        super(scope, id);
        String version = engineVersion(repositoryRoot);
        Object configured = scope.getNode().tryGetContext(CONTEXT_KEY);
        Path file = configured == null || configured.toString().isBlank()
                ? conventionalPath(repositoryRoot, version)
                : Path.of(configured.toString()).toAbsolutePath();
        check(file, version);
        layer = LayerVersion.Builder.create(this, "Layer")
                .description("DuckStep: the motherduck DuckDB extension for DuckDB " + version + " on " + PLATFORM)
                .code(Code.fromAsset(stage(file, version).toString()))
                .compatibleArchitectures(List.of(Architecture.ARM_64))
                .compatibleRuntimes(List.of(JavaFunctions.RUNTIME))
                .build();
    }

    /** The stack's layer, made on first use: every function that reads MotherDuck shares it. */
    public static MotherDuckExtensionLayer of(Construct scope, Path repositoryRoot)
    {
        Stack stack = Stack.of(scope);
        IConstruct existing = stack.getNode().tryFindChild(ID);
        return existing != null ? (MotherDuckExtensionLayer) existing : new MotherDuckExtensionLayer(stack, ID, repositoryRoot);
    }

    /**
     * Gives {@code function} MotherDuck: the layer, the extension directory, the ARN of {@code tokenSecret} (never its
     * value) in {@code variable}, and permission to read that secret only.
     */
    public void attach(Function function, ISecret tokenSecret, String variable)
    {
        function.addLayers(layer);
        function.addEnvironment(DUCKSTEP_EXTENSION_DIRECTORY, EXTENSION_DIRECTORY);
        function.addEnvironment(variable, tokenSecret.getSecretArn());
        tokenSecret.grantRead(function);
    }

    public LayerVersion layer()
    {
        return layer;
    }

    /** Where {@code duckstep extensions download motherduck --platform linux_arm64 --out infra-cdk/extensions} writes the file. */
    static Path conventionalPath(Path repositoryRoot, String version)
    {
        return repositoryRoot.resolve("infra-cdk").resolve("extensions").resolve(version).resolve(PLATFORM).resolve(FILE_NAME);
    }

    /** The pinned DuckDB as DuckDB names it in extension paths: {@code duckdb.version} 1.5.6.0 in the root pom is {@code v1.5.6}. */
    static String engineVersion(Path repositoryRoot)
    {
        try {
            Matcher version = Pattern.compile("<duckdb\\.version>(\\d+)\\.(\\d+)\\.(\\d+)(?:\\.\\d+)?</duckdb\\.version>")
                    .matcher(Files.readString(repositoryRoot.resolve("pom.xml")));
            if (!version.find()) {
                throw new IllegalStateException("Cannot find the duckdb.version property in " + repositoryRoot.resolve("pom.xml"));
            }
            return "v" + version.group(1) + "." + version.group(2) + "." + version.group(3);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + repositoryRoot.resolve("pom.xml"), e);
        }
    }

    private static void check(Path file, String version)
    {
        String download = "get it once, on a machine with internet access: ./duckstep extensions download motherduck --platform " + PLATFORM
                + " --out infra-cdk/extensions (or pass another file with -c " + CONTEXT_KEY + "=FILE)";
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("warehouse=motherduck needs the MotherDuck extension for DuckDB " + version + " on " + PLATFORM
                    + ", and " + file + " does not exist: " + download);
        }
        String[] footer = footer(file);
        if (!footer[0].equals("4")) {
            throw new IllegalStateException("Refusing " + file + ": it is not a DuckDB extension file (no metadata footer); " + download);
        }
        String platform = footer[1];
        String duckDbVersion = footer[2];
        if (!platform.equals(PLATFORM) || !duckDbVersion.equals(version)) {
            throw new IllegalStateException("Refusing " + file + ": it is built for DuckDB " + duckDbVersion + " on " + platform
                    + ", but the Lambda functions run DuckDB " + version + " on " + PLATFORM + "; " + download);
        }
    }

    /**
     * DuckDB's extension metadata footer: the last 512 bytes are eight 32-byte zero-padded fields, last first (magic
     * value "4", platform, DuckDB version, extension version, ABI type, three unused), then a 256-byte signature. The
     * same format is read by the command line's ExtensionFooter.
     *
     * @return the magic value, platform and DuckDB version
     */
    private static String[] footer(Path file)
    {
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            if (input.length() < FOOTER_SIZE) {
                return new String[] {"", "", ""};
            }
            byte[] footer = new byte[FOOTER_SIZE];
            input.seek(input.length() - FOOTER_SIZE);
            input.readFully(footer);
            return new String[] {field(footer, 0), field(footer, 1), field(footer, 2)};
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String field(byte[] footer, int index)
    {
        int start = (7 - index) * FIELD_SIZE;
        int end = start;
        while (end < start + FIELD_SIZE && footer[end] != 0) {
            end++;
        }
        return new String(footer, start, end - start, StandardCharsets.US_ASCII);
    }

    /** The layer's contents: {@code duckdb_extensions/<version>/linux_arm64/motherduck.duckdb_extension}, which Lambda unpacks under /opt. */
    private static Path stage(Path file, String version)
    {
        try {
            Path root = Files.createTempDirectory("duckstep-motherduck-layer-");
            Path target = root.resolve("duckdb_extensions").resolve(version).resolve(PLATFORM).resolve(FILE_NAME);
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            for (Path path = target; path.startsWith(root); path = path.getParent()) {
                path.toFile().deleteOnExit();
            }
            return root;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the MotherDuck extension layer from " + file, e);
        }
    }
}
