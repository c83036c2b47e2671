package io.duckstep.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The two secrets, created empty of any real value: set them with {@code aws secretsmanager put-secret-value}.
 * Functions get them by ARN in their environment and read them at run time.
 */
public final class DuckStepSecrets
        extends Construct
{
    private final Secret motherDuckToken;
    private final Secret openAiKey;

    public DuckStepSecrets(Construct scope, String id)
    {
        super(scope, id);
        motherDuckToken = Secret.Builder.create(this, "MotherDuckToken")
                .description("DuckStep: the MotherDuck token (set with aws secretsmanager put-secret-value)")
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

    public Secret openAiKey()
    {
        return openAiKey;
    }
}
