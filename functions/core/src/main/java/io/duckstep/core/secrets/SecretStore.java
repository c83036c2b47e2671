package io.duckstep.core.secrets;

/**
 * Where the MotherDuck token and the OpenAI key come from: Secrets Manager on AWS, an environment
 * variable or a file locally. Implementations cache, and never put a secret's value into a message.
 */
public interface SecretStore
{
    /**
     * @throws SecretUnavailableException when the secret is absent or cannot be read
     */
    Secret get(String secretName);
}
