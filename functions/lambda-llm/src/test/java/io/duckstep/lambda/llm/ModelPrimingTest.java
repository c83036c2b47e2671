package io.duckstep.lambda.llm;

import io.duckstep.llm.ModelReply;
import io.duckstep.llm.ModelSettings;
import io.duckstep.llm.TestingOpenAiServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPrimingTest
{
    @Test
    void prime_beforeTheSnapshot_sendsNothing()
            throws Exception
    {
        try (TestingOpenAiServer model = new TestingOpenAiServer()) {
            ModelSettings settings = model.settings();

            ModelPriming.create(settings).prime();

            // the placeholder key never left the process: no request reached the endpoint
            assertThat(model.requests()).isEmpty();
        }
    }

    @Test
    void prime_thenAQuestion_isAnsweredByTheRealClient()
            throws Exception
    {
        try (TestingOpenAiServer model = new TestingOpenAiServer()) {
            model.reply(200, "tool-call.json");
            ModelPriming.create(model.settings()).prime();

            ModelReply reply = model.assistant().ask("How many customers?", "mydf(x INTEGER)", List.of());

            assertThat(reply.kind()).isEqualTo(ModelReply.Kind.QUERY);
            assertThat(model.requests()).hasSize(1);
        }
    }
}
