package io.duckstep.infra;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How every DuckStep function is made: Java 25 on arm64, JSON logs to its own log group with a retention,
 * X-Ray tracing, and for the DuckDB functions SnapStart behind a {@code live} alias.
 */
final class JavaFunctions
{
    static final Runtime RUNTIME = Runtime.JAVA_25;
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

    private JavaFunctions() {}

    record Definition(String id, Path jar, String handler, int memoryMegabytes, int timeoutSeconds, boolean duckDb, Map<String, String> environment) {}

    static Function create(Construct scope, Definition definition)
    {
        if (!Files.isRegularFile(definition.jar())) {
            throw new IllegalStateException("Lambda package " + definition.jar() + " is missing: build it first with mvn -DskipTests package");
        }
        LogGroup logs = LogGroup.Builder.create(scope, definition.id() + "Logs")
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function.Builder builder = Function.Builder.create(scope, definition.id())
                .runtime(RUNTIME)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(definition.jar().toString()))
                .handler(definition.handler())
                .memorySize(definition.memoryMegabytes())
                .timeout(Duration.seconds(definition.timeoutSeconds()))
                .environment(definition.environment())
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                .tracing(Tracing.ACTIVE);
        if (definition.duckDb()) {
            // SnapStart allows at most 512 MiB of /tmp: the DuckDB functions keep the default 512 MiB, which bounds the
            // cached warehouse file and DuckDB's spill space. A larger warehouse belongs in MotherDuck.
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        return builder.build();
    }

    /** What the state machine invokes: the {@code live} alias of a SnapStart function (SnapStart runs on versions only), else the function. */
    static IFunction invocable(Construct scope, Function function, boolean duckDb)
    {
        if (!duckDb) {
            return function;
        }
        // SnapStart applies to published versions: currentVersion publishes one on every code change, and the alias follows it.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish", "Invoked through the live alias of its current version");
        return Alias.Builder.create(scope, function.getNode().getId() + "Live").aliasName("live").version(function.getCurrentVersion()).build();
    }
}
