package io.duckstep.lambda.support;

/**
 * A request to ask a question that cannot be taken: not JSON, no prompt, a prompt over the limit. An HTTP 400.
 */
public final class InvalidPromptRequestException
        extends RuntimeException
{
    public InvalidPromptRequestException(String message)
    {
        super(message);
    }
}
