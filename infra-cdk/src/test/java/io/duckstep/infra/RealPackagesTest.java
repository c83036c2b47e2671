package io.duckstep.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The string seams between the stack, the state machine files and the code, checked against the packages that are
 * deployed (the assets of a synthesis of the built packages), function by function and state by state as the
 * template lists them: every Java function's {@code Handler} names a public method of a class in its own package that
 * implements Lambda's {@code RequestHandler} or {@code RequestStreamHandler}; every {@code ErrorEquals} name that is
 * not Step Functions' ({@code States.*}) or the Lambda integration's ({@code Lambda.*}) is a {@code Throwable} in the
 * package of a function whose failures reach that Retry or Catch.
 */
class RealPackagesTest
{
    private static final List<String> HANDLER_INTERFACES = List.of(
            "com.amazonaws.services.lambda.runtime.RequestHandler",
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler");

    @TempDir
    static Path assembly;

    private static JsonNode template;
    private static final Map<String, URLClassLoader> packages = new HashMap<>();

    @BeforeAll
    static void synthesize()
    {
        Path functions = TestingStacks.repositoryRoot().resolve("functions");
        boolean built = Stream.of("query", "report", "trigger", "notification", "llm", "api")
                .allMatch(kind -> Files.isRegularFile(functions.resolve("lambda-" + kind + "/target/lambda-" + kind + ".jar")));
        if (!built && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Lambda packages not built: run mvn -B -DskipTests package first");
        }
        App app = TestingStacks.app(Map.of(), Optional.of(assembly));
        new DuckStepStack(app, "DuckStep", new DuckStepStackProps(StackProps.builder().build(),
                TestingStacks.repositoryRoot(), functions, "duckdb", Optional.empty(), Optional.empty()));
        CloudAssembly synthesized = app.synth();
        template = new ObjectMapper().valueToTree(synthesized.getStackByName("DuckStep").getTemplate());
    }

    @AfterAll
    static void closePackages()
            throws IOException
    {
        for (URLClassLoader loader : packages.values()) {
            loader.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> handler_everyJavaFunction_isALambdaHandlerClassOfItsPackage()
    {
        List<DynamicTest> tests = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            JsonNode properties = entry.getValue().path("Properties");
            if (!"AWS::Lambda::Function".equals(entry.getValue().path("Type").asText()) || !properties.path("Runtime").asText().startsWith("java")) {
                return;
            }
            String handler = properties.path("Handler").asText();
            tests.add(dynamicTest(entry.getKey() + " " + handler, () -> {
                assertThat(handler).as("Handler of %s", entry.getKey()).matches("[\\w.$]+::\\w+");
                String className = handler.substring(0, handler.indexOf("::"));
                String methodName = handler.substring(handler.indexOf("::") + 2);
                ClassLoader code = packageOf(entry.getKey());
                Class<?> type = Class.forName(className, false, code);
                assertThat(HANDLER_INTERFACES.stream().map(name -> load(name, code)))
                        .as("%s implements RequestHandler or RequestStreamHandler", className)
                        .anyMatch(lambdaInterface -> lambdaInterface.isAssignableFrom(type));
                assertThat(Stream.of(type.getMethods()).map(Method::getName)).as("public methods of %s", className).contains(methodName);
                assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is abstract", className).isFalse();
            }));
        });
        assertThat(tests).as("Java functions in the template").isNotEmpty();
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> errorEquals_everyErrorName_isAThrowableInThePackageThatRaisesIt()
    {
        List<DynamicTest> tests = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (!"AWS::StepFunctions::StateMachine".equals(entry.getValue().path("Type").asText())) {
                return;
            }
            JsonNode stateMachine = entry.getValue();
            for (DeployedStateMachines.ErrorHandlingState state : DeployedStateMachines.errorHandlingStates(DeployedStateMachines.definition(stateMachine))) {
                for (String error : DeployedStateMachines.errorNames(state.state())) {
                    if (error.startsWith("States.") || error.startsWith("Lambda.")) {
                        continue;
                    }
                    tests.add(dynamicTest(entry.getKey() + " " + state.name() + " " + error, () -> {
                        List<String> functions = state.tasks().stream()
                                .map(task -> DeployedStateMachines.function(template, stateMachine, task.path("Resource").asText()))
                                .flatMap(Optional::stream)
                                .toList();
                        assertThat(functions).as("Lambda functions whose failures reach %s", state.name()).isNotEmpty();
                        assertThat(functions.stream().map(function -> loadOrNull(error, packageOf(function))))
                                .as("%s in the package of one of %s", error, functions)
                                .anySatisfy(type -> assertThat(type).isNotNull().satisfies(loaded -> assertThat(Throwable.class.isAssignableFrom(loaded)).isTrue()));
                    }));
                }
            }
        });
        assertThat(tests).as("error names of the state machines").isNotEmpty();
        return tests.stream();
    }

    /** The deployed package of a function: its code asset as staged in the cloud assembly. */
    private static synchronized ClassLoader packageOf(String functionId)
    {
        String key = template.path("Resources").path(functionId).path("Properties").path("Code").path("S3Key").asText();
        Path jar = assembly.resolve("asset." + key);
        assertThat(jar).as("staged package of %s", functionId).isRegularFile();
        return packages.computeIfAbsent(key, ignored -> {
            try {
                // Only the package and the JDK: nothing of this module's class path.
                return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            }
            catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Class<?> load(String name, ClassLoader loader)
    {
        try {
            return Class.forName(name, false, loader);
        }
        catch (ClassNotFoundException e) {
            throw new AssertionError(name + " is not in the package", e);
        }
    }

    private static Class<?> loadOrNull(String name, ClassLoader loader)
    {
        try {
            return Class.forName(name, false, loader);
        }
        catch (ClassNotFoundException e) {
            return null;
        }
    }
}
