package io.duckstep.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code npx cdk synth|deploy} from infra-cdk/. Context: {@code warehouse} (duckdb | motherduck),
 * {@code motherduckDatabase}, {@code notificationEmail}, {@code packagesDirectory} (default ../functions).
 * The Lambda packages must already be built ({@code mvn -DskipTests package} at the root): synth never builds them.
 */
public final class DuckStepApp
{
    private DuckStepApp() {}

    public static void main(String[] arguments)
    {
        App app = new App();
        Path repositoryRoot = Path.of("..").toAbsolutePath().normalize();
        DuckStepStackProps props = new DuckStepStackProps(
                StackProps.builder()
                        .description("DuckStep: orchestrated DuckDB analytics (summary workflow, reports, notifications)")
                        .env(Environment.builder().account(System.getenv("CDK_DEFAULT_ACCOUNT")).region(System.getenv("CDK_DEFAULT_REGION")).build())
                        .build(),
                repositoryRoot,
                context(app, "packagesDirectory").map(Path::of).orElse(repositoryRoot.resolve("functions")),
                context(app, "warehouse").orElse("duckdb"),
                context(app, "motherduckDatabase"),
                context(app, "notificationEmail"));
        new DuckStepStack(app, "DuckStep", props);
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
    }

    private static Optional<String> context(App app, String key)
    {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
