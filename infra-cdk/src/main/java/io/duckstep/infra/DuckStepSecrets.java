package io.duckstep.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The secrets (MotherDuck token, MotherDuck read-scaling token, OpenAI key), created empty of any real value: set them with {@code aws secretsmanager put-secret-value}.
 * Functions get them by ARN in their environment and read them at run time.
 */
public final class DuckStepSecrets
        extends Construct
{
    private final Secret motherDuckToken;
    private final Secret openAiKey;
    private final Secret motherDuckReadScalingToken;

    public DuckStepSecrets(Construct scope, String id)
    {
        super(scope, id);
        motherDuckToken = Secret.Builder.create(this, "MotherDuckToken")
                .description("DuckStep: the MotherDuck token (set with aws secretsmanager put-secret-value)")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        motherDuckReadScalingToken = Secret.Builder.create(this, "MotherDuckReadScalingToken")
                .description("DuckStep: a MotherDuck read-scaling token for the queries the model writes (set with aws secretsmanager put-secret-value)")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        openAiKey = Secret.Builder.create(this, "OpenAiKey")
                .description("DuckStep: the OpenAI API key for the prompt workflow (set with aws secretsmanager put-secret-value)")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public Secret motherDuckToken()
    {
        return motherDuckToken;
    }

    public Secret motherDuckReadScalingToken()
    {
        return motherDuckReadScalingToken;
    }

    public Secret openAiKey()
    {
        return openAiKey;
    }
}
