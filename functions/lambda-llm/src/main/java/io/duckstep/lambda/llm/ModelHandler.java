package io.duckstep.lambda.llm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.duckstep.aws.clients.AwsClients;
import io.duckstep.aws.clients.CachedSecrets;
import io.duckstep.lambda.support.LambdaJson;
import io.duckstep.lambda.support.Observability;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.ModelTask;
import io.duckstep.llm.ModelTaskInput;
import io.duckstep.llm.SqlAssistant;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The prompt workflow's model task: {@link ModelTaskInput} in, {@link io.duckstep.llm.ModelTaskOutput} out.
 * Environment: {@link ModelHandlerSettings}. The key is read on first use and cached ({@link CachedSecrets}); when it
 * changes, the next invocation makes a client with the new one. SnapStart's snapshot is taken after
 * {@link ModelPriming}, which holds no key.
 */
public final class ModelHandler
        implements RequestStreamHandler
{
    private final Supplier<ModelTask> task;

    public ModelHandler()
    {
        this(ModelHandlerSettings.fromEnvironment(System.getenv()));
    }

    private ModelHandler(ModelHandlerSettings settings)
    {
        this(modelTask(settings.model(), new CachedSecrets(AwsClients.build(SecretsManagerClient.builder(), settings.region(), AwsClients.REQUEST)),
                settings.openAiKeySecret()));
        ModelPriming.register(settings.model());
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

    private static Supplier<ModelTask> modelTask(ModelSettings settings, CachedSecrets secrets, String openAiKeySecret)
    {
        return new Supplier<>()
        {
            private String clientKey;
            private ModelTask task;

            @Override
            public synchronized ModelTask get()
            {
                String current = secrets.get(openAiKeySecret);
                if (task == null || !current.equals(clientKey)) {
                    task = new ModelTask(new SqlAssistant(SqlAssistant.client(settings, current), settings));
                    clientKey = current;
                }
                return task;
            }
        };
    }
}
