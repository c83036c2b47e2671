package io.duckstep.llm;

import io.duckstep.contract.LambdaErrorCause;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The model task of the prompt workflow: one request to the model per invocation, the loop itself being states
 * in the state machine.
 */
public final class ModelTask
{
    /** Error texts that go back to the model are cut to this length. */
    static final int ERROR_CHARACTERS = 2_000;

    private final SqlAssistant assistant;

    public ModelTask(SqlAssistant assistant)
    {
        this.assistant = requireNonNull(assistant, "assistant is null");
    }

    /** A Lambda error's cause is JSON {"errorMessage": ...}: the model gets the message. */
    static String errorMessage(String error)
    {
        if (error == null || error.isBlank()) {
            return "failed";
        }
        return LambdaErrorCause.message(error);
    }

    public ModelTaskOutput run(ModelTaskInput input)
    {
        requireNonNull(input.question(), "question is null");
        if ("phrase".equals(input.mode())) {
            return new ModelTaskOutput("ANSWER", input.sql(), null, null, null, input.exchanges(), assistant.phrase(input.question(), input.toolCallId() == null ? "call_result" : input.toolCallId(), input.sql(), input.result()));
        }
        if (!"ask".equals(input.mode())) {
            throw new IllegalArgumentException("mode must be ask or phrase, was " + input.mode());
        }
        List<Exchange> exchanges = new ArrayList<>(input.exchanges());
        if (input.failure() != null) {
            ModelTaskInput.Failure failure = input.failure();
            String error = errorMessage(failure.error());
            exchanges.add(new Exchange(
                    failure.toolCallId() == null ? "call_" + exchanges.size() : failure.toolCallId(),
                    failure.functionName() == null ? SqlAssistant.TOOL : failure.functionName(),
                    failure.sql() == null ? "" : failure.sql(),
                    "Error: " + (error.length() > ERROR_CHARACTERS ? error.substring(0, ERROR_CHARACTERS) : error)));
        }
        ModelReply reply = assistant.ask(input.question(), input.schema() == null ? "" : input.schema(), exchanges);
        return new ModelTaskOutput(reply.kind().name(), reply.sql(), reply.text(), reply.toolCallId(), reply.functionName(), exchanges, null);
    }
}
