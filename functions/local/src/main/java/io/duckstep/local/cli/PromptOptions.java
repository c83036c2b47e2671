package io.duckstep.local.cli;

import io.duckstep.core.query.WarehouseAttacher;
import io.duckstep.core.query.WarehouseSpecification;
import io.duckstep.llm.ModelSettings;
import io.duckstep.local.LocalConfiguration;
import io.duckstep.local.LocalTasks;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The options {@code ask} and {@code serve} share: where the data is, and which model to ask.
 */
final class PromptOptions
{
    @Option(names = "--uploads", paramLabel = "DIR", defaultValue = "out/demo/uploads", description = "where uploads are; the newest is used unless one is named (default: ${DEFAULT-VALUE})")
    Path uploads;

    @Option(names = "--warehouse", paramLabel = "FILE|md:DATABASE", defaultValue = "out/demo/warehouse.duckdb", converter = WarehouseOption.class,
            description = "the warehouse: a DuckDB file (default: ${DEFAULT-VALUE}) or md:DATABASE in MotherDuck (the model's queries need a read-scaling token)")
    WarehouseSpecification warehouse;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out", description = "where runs write their files (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--api-key", paramLabel = "KEY", description = "the model endpoint's key (default: OPENAI_API_KEY)")
    String apiKey;

    @Option(names = "--base-url", paramLabel = "URL", description = "an OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else https://api.openai.com/v1)")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "the model (default: DUCKSTEP_MODEL, else gpt-4o-mini)")
    String model;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per request to the model (default: 30)")
    Long timeoutSeconds;

    ModelSettings modelSettings()
    {
        ModelSettings defaults = ModelSettings.fromEnvironment(CommandDefaults.environment());
        return new ModelSettings(model != null ? model : defaults.model(), baseUrl != null ? baseUrl : defaults.baseUrl(),
                timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : defaults.timeout(), defaults.maxRetries());
    }

    /**
     * @param summary whether the summary workflow may be started too (it needs the full MotherDuck token)
     */
    LocalTasks tasks(boolean summary)
    {
        Set<WarehouseAttacher.Queries> uses = summary ? Set.of(WarehouseAttacher.Queries.UNTRUSTED, WarehouseAttacher.Queries.TRUSTED) : Set.of(WarehouseAttacher.Queries.UNTRUSTED);
        return new LocalTasks(new LocalConfiguration(output.resolve("runs"), uploads, CommandDefaults.ready(warehouse, uses), CommandDefaults.duckDbSettings()),
                CommandDefaults.secrets(), LocalTasks.modelTask(modelSettings(), apiKey != null ? apiKey : CommandDefaults.environment().get("OPENAI_API_KEY")));
    }
}
