package io.duckstep.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_DEFINITION_SHA256;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MOTHERDUCK_TOKEN_SECRET;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_UPLOADS_PREFIX;
import static io.duckstep.infra.DataStorage.RUNS;
import static io.duckstep.infra.DataStorage.UPLOADS;
import static io.duckstep.infra.DataStorage.WAREHOUSE;

/**
 * The summary workflow: its task functions, each allowed only its own prefixes and secrets, and the state
 * machine loaded inline from {@code state-machines/summary.asl.json} with every {@code ${...}} substituted.
 */
public final class SummaryWorkflow
        extends Construct
{
    public record Props(Path repositoryRoot, DuckStepStackProps stack, DataStorage storage, DuckStepSecrets secrets) {}

    private final StateMachine stateMachine;
    private final Map<String, Function> functions = new LinkedHashMap<>();
    private final Map<String, String> substitutions = new LinkedHashMap<>();

    public SummaryWorkflow(Construct scope, String id, Props props)
    {
        super(scope, id);
        DataStorage storage = props.storage();
        Map<String, String> environment = JavaFunctions.duckDbEnvironment(props.stack(), storage);
        environment.put(DUCKSTEP_UPLOADS_PREFIX, storage.location(UPLOADS));
        Path query = props.stack().lambdaPackage("query");
        Function prepare = function("PrepareUpload", query, "io.duckstep.lambda.query.PrepareUploadHandler::handleRequest", true, environment);
        Function queries = function("Query", query, "io.duckstep.lambda.query.QueryHandler::handleRequest", true, environment);
        Function quarantine = function("Quarantine", query, "io.duckstep.lambda.query.QuarantineHandler::handleRequest", false, environment);
        Function latest = function("LatestUpload", query, "io.duckstep.lambda.query.LatestUploadHandler::handleRequest", false, environment);
        Function report = function("Report", props.stack().lambdaPackage("report"), "io.duckstep.lambda.report.ReportHandler::handleRequest", true, environment);
        String definition = StateMachineDefinitions.read(props.repositoryRoot(), "summary");
        Map<String, String> manifestEnvironment = new LinkedHashMap<>(environment);
        manifestEnvironment.put(DUCKSTEP_DEFINITION_SHA256, sha256(definition));
        Function manifest = function("Manifest", props.stack().lambdaPackage("report"), "io.duckstep.lambda.report.RunManifestHandler::handleRequest", false, manifestEnvironment);

        storage.grantRead(prepare, UPLOADS);
        storage.grantPut(prepare, RUNS + "*");
        storage.grantRead(queries, RUNS);
        storage.grantRead(queries, WAREHOUSE);
        storage.grantPut(queries, RUNS + "*");
        storage.grantRead(quarantine, UPLOADS);
        storage.grantPut(quarantine, RUNS + "*");
        storage.grantList(latest, UPLOADS);
        storage.grantRead(report, RUNS);
        storage.grantRead(report, WAREHOUSE);
        storage.grantPut(report, RUNS + "*");
        // the manifest function reads the run's outputs to checksum them, writes only manifests, and deletes only a failed run's outputs
        storage.grantRead(manifest, RUNS);
        // and the warehouse file, to name it by checksum in the run's lineage
        storage.grantGet(manifest, WAREHOUSE + "*");
        storage.grantPut(manifest, RUNS + "*/manifest.json");
        storage.grantDelete(manifest, RUNS + "*/results/*", RUNS + "*/report.html", RUNS + "*/upload/*");
        if (props.stack().warehouse().equals("motherduck")) {
            // only the query function reads the warehouse (the report names it, it does not attach it): it alone gets the full token
            MotherDuckExtensionLayer.of(this, props.repositoryRoot()).attach(queries, props.secrets().motherDuckToken(), DUCKSTEP_MOTHERDUCK_TOKEN_SECRET);
        }

        substitutions.put("PrepareUploadFunctionArn", JavaFunctions.invocable(this, prepare).getFunctionArn());
        substitutions.put("QueryFunctionArn", JavaFunctions.invocable(this, queries).getFunctionArn());
        substitutions.put("ReportFunctionArn", JavaFunctions.invocable(this, report).getFunctionArn());
        substitutions.put("QuarantineFunctionArn", quarantine.getFunctionArn());
        substitutions.put("LatestUploadFunctionArn", latest.getFunctionArn());
        substitutions.put("ManifestFunctionArn", manifest.getFunctionArn());
        StateMachineDefinitions.checkSubstitutions("summary", definition, substitutions);

        stateMachine = WorkflowStateMachines.create(this, "Summary", definition, substitutions, Duration.hours(1));
        for (String arn : substitutions.values()) {
            stateMachine.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("lambda:InvokeFunction")).resources(List.of(arn)).build());
        }
    }

    private Function function(String id, Path jar, String handler, boolean duckDb, Map<String, String> environment)
    {
        Function function = JavaFunctions.create(this, new JavaFunctions.Definition(id, jar, handler, duckDb ? 3008 : 512, duckDb ? 900 : 60, duckDb, environment));
        functions.put(id, function);
        return function;
    }

    private static String sha256(String text)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public StateMachine stateMachine()
    {
        return stateMachine;
    }

    /** The function ARNs this workflow's definition was given, by placeholder: the prompt workflow reuses some. */
    public Map<String, String> substitutions()
    {
        return Map.copyOf(substitutions);
    }

    public Optional<IFunction> function(String id)
    {
        return Optional.ofNullable(functions.get(id));
    }
}
