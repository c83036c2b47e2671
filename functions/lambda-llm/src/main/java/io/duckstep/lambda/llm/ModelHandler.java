package io.duckstep.lambda.llm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelTaskInput;
import io.duckstep.llm.SqlAssistant;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.cache.CacheManager;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The prompt workflow's model task: {@link ModelTaskInput} in, {@link io.duckstep.llm.ModelTaskOutput} out.
 * Environment: {@code OPENAI_KEY_SECRET} (the secret's ARN, never the key), {@code DUCKSTEP_MODEL},
 * {@code OPENAI_BASE_URL}, {@code DUCKSTEP_MODEL_TIMEOUT_SECONDS}. The key is read on first use and cached.
 */
public final class ModelHandler
        implements RequestStreamHandler
{
    static final Duration SECRET_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final Supplier<ModelTask> task;

    public ModelHandler()
    {
        this(fromEnvironment());
    }

    ModelHandler(Supplier<ModelTask> task)
    {
        this.task = requireNonNull(task, "task is null");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
    {
        Observability.invocation(context, "AskModel", () -> {
            ModelTaskInput request = Observability.request(input, ModelTaskInput.class);
            Observability.count("ModelAttempts", 1);
            LambdaJson.write(output, task.get().run(request));
        });
    }

    /**
     * The OpenAI key from Secrets Manager through Powertools' parameters, cached for {@link #SECRET_TIME_TO_LIVE}.
     * Messages name the secret, never its value.
     */
    static Supplier<String> openAiKey(SecretsManagerClient client, String secretId)
    {
        CacheManager cache = new CacheManager();
        cache.setDefaultExpirationTime(SECRET_TIME_TO_LIVE);
        SecretsProvider secrets = SecretsProvider.builder().withClient(client).withCacheManager(cache).build();
        return () -> {
            String value;
            try {
                value = secrets.get(secretId);
            }
            catch (SdkException e) {
                throw new IllegalStateException("Cannot read secret " + secretId + ": " + e.getClass().getSimpleName());
            }
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("Secret " + secretId + " has no value: set it with aws secretsmanager put-secret-value");
            }
            return value.strip();
        };
    }

    private static Supplier<ModelTask> fromEnvironment()
    {
        ModelSettings settings = ModelSettings.fromEnvironment(System.getenv());
        Supplier<String> key = openAiKey(SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(15)).build())
                .build(), requireNonNull(System.getenv("OPENAI_KEY_SECRET"), "OPENAI_KEY_SECRET is not set"));
        return new Supplier<>()
        {
            private String clientKey;
            private ModelTask task;

            @Override
            public synchronized ModelTask get()
            {
                String current = key.get();
                if (task == null || !current.equals(clientKey)) {
                    task = new ModelTask(new SqlAssistant(SqlAssistant.client(settings, current), settings));
                    clientKey = current;
                }
                return task;
            }
        };
    }
}
