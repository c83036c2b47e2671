package io.duckstep.infra;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_MOTHERDUCK_DATABASE;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_RUNS_PREFIX;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_WAREHOUSE_LOCATION;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_WAREHOUSE_PROVIDER;
import static io.duckstep.contract.EnvironmentVariables.DUCKSTEP_WORK_DIRECTORY;

/**
 * How every DuckStep function is made: Java 25 on arm64, JSON logs to its own log group with a retention,
 * X-Ray tracing, and for the DuckDB functions and the model function SnapStart behind a {@code live} alias. Each
 * function has a role of its own and no managed policy: it may write to its own log group only, and to X-Ray;
 * everything else is granted by the construct that uses it.
 */
final class JavaFunctions
{
    static final Runtime RUNTIME = Runtime.JAVA_25;
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

    private JavaFunctions() {}

    /**
     * @param snapStart whether the function runs from a SnapStart snapshot (the DuckDB functions and the model function,
     * whose handlers register their priming); the state machines then invoke its {@code live} alias ({@link #invocable})
     */
    record Definition(String id, Path jar, String handler, int memoryMegabytes, int timeoutSeconds, boolean snapStart, Map<String, String> environment) {}

    /**
     * What every DuckDB function reads ({@code AwsEnvironment} in the functions): where runs go, the work directory, and
     * the warehouse (a DuckDB file in the bucket, or a MotherDuck database).
     */
    static Map<String, String> duckDbEnvironment(DuckStepStackProps stack, DataStorage storage)
    {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(DUCKSTEP_RUNS_PREFIX, storage.location("runs"));
        environment.put(DUCKSTEP_WORK_DIRECTORY, "/tmp/duckstep");
        environment.put(DUCKSTEP_WAREHOUSE_PROVIDER, stack.warehouse());
        if (stack.warehouse().equals("duckdb")) {
            environment.put(DUCKSTEP_WAREHOUSE_LOCATION, storage.location(DataStorage.WAREHOUSE_FILE));
        }
        else {
            environment.put(DUCKSTEP_MOTHERDUCK_DATABASE, stack.motherDuckDatabase().orElseThrow());
        }
        return environment;
    }

    static Function create(Construct scope, Definition definition)
    {
        if (!Files.isRegularFile(definition.jar())) {
            throw new IllegalStateException("Lambda package " + definition.jar() + " is missing: build it first with mvn -DskipTests package");
        }
        LogGroup logs = LogGroup.Builder.create(scope, definition.id() + "Logs")
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(scope, definition.id() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("DuckStep function " + definition.id() + ": its own log group, X-Ray, and what its construct grants")
                .build();
        // logs:CreateLogStream and logs:PutLogEvents on this function's log group only (the group exists: no CreateLogGroup)
        logs.grantWrite(role);
        Policy tracing = UnscopedActions.tracing(scope, definition.id() + "Tracing", role, UnscopedActions.FUNCTION_TRACING);
        Function.Builder builder = Function.Builder.create(scope, definition.id())
                .role(role)
                .runtime(RUNTIME)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(definition.jar().toString()))
                .handler(definition.handler())
                .memorySize(definition.memoryMegabytes())
                .timeout(Duration.seconds(definition.timeoutSeconds()))
                .environment(definition.environment())
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON);
        if (definition.snapStart()) {
            // SnapStart allows at most 512 MiB of /tmp: the DuckDB functions keep the default 512 MiB, which bounds the
            // cached warehouse file and DuckDB's spill space. A larger warehouse belongs in MotherDuck.
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        Function function = builder.build();
        // Active tracing set on the resource: the construct's own tracing option would add the X-Ray statement (on *)
        // to the role's default policy, next to the scoped grants, where its review would cover them too.
        CfnFunction resource = (CfnFunction) function.getNode().getDefaultChild();
        resource.setTracingConfig(CfnFunction.TracingConfigProperty.builder().mode("Active").build());
        resource.getNode().addDependency(tracing);
        return function;
    }

    /** What the state machine invokes: the {@code live} alias of a SnapStart function (SnapStart runs on versions only), else the function. */
    static IFunction invocable(Construct scope, Function function)
    {
        if (((CfnFunction) function.getNode().getDefaultChild()).getSnapStart() == null) {
            return function;
        }
        // SnapStart applies to published versions: currentVersion publishes one on every code change, and the alias follows it.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish", "Invoked through the live alias of its current version");
        return Alias.Builder.create(scope, function.getNode().getId() + "Live").aliasName("live").version(function.getCurrentVersion()).build();
    }
}
