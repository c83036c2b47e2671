package io.duckstep.infra;

import software.amazon.awscdk.StackProps;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the DuckStep stack is built from.
 *
 * @param stackProps CDK's own stack properties (environment, description)
 * @param repositoryRoot where {@code state-machines/} is
 * @param packagesDirectory where the built Lambda packages are ({@code <dir>/lambda-<kind>/target/lambda-<kind>.jar})
 * @param warehouse {@code duckdb} (a DuckDB file in the bucket) or {@code motherduck}
 * @param motherDuckDatabase the MotherDuck database, for {@code motherduck}
 * @param notificationEmail an address to subscribe to the notifications topic
 */
public record DuckStepStackProps(
        StackProps stackProps,
        Path repositoryRoot,
        Path packagesDirectory,
        String warehouse,
        Optional<String> motherDuckDatabase,
        Optional<String> notificationEmail)
{
    public DuckStepStackProps
    {
        requireNonNull(stackProps, "stackProps is null");
        requireNonNull(repositoryRoot, "repositoryRoot is null");
        requireNonNull(packagesDirectory, "packagesDirectory is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(motherDuckDatabase, "motherDuckDatabase is null");
        requireNonNull(notificationEmail, "notificationEmail is null");
        if (!warehouse.equals("duckdb") && !warehouse.equals("motherduck")) {
            throw new IllegalArgumentException("context warehouse must be duckdb or motherduck, was " + warehouse);
        }
        if (warehouse.equals("motherduck") && motherDuckDatabase.isEmpty()) {
            throw new IllegalArgumentException("context motherduckDatabase is required when warehouse is motherduck");
        }
    }

    public Path lambdaPackage(String kind)
    {
        return packagesDirectory.resolve("lambda-" + kind).resolve("target").resolve("lambda-" + kind + ".jar");
    }
}
