package io.duckstep.lambda.llm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelTaskInput;
import io.duckstep.llm.SqlAssistant;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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
        LambdaJson.write(output, task.get().run(LambdaJson.read(input, ModelTaskInput.class)));
    }

    private static Supplier<ModelTask> fromEnvironment()
    {
        ModelSettings settings = ModelSettings.fromEnvironment(System.getenv());
        CachedSecret key = new CachedSecret(SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(15)).build())
                .build(), requireNonNull(System.getenv("OPENAI_KEY_SECRET"), "OPENAI_KEY_SECRET is not set"), Duration.ofMinutes(5));
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
