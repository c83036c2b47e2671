package io.duckstep.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptResponseTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answered_output_getsTheId()
            throws Exception
    {
        PromptResponse response = PromptResponse.answered("prompt-1", JSON.readTree("{\"answer\":\"42\",\"attempts\":1}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().toString()).isEqualTo("{\"answer\":\"42\",\"attempts\":1,\"id\":\"prompt-1\"}");
        assertThat(PromptResponse.answered("prompt-1", JSON.readTree("[1]")).body().toString()).isEqualTo("{\"id\":\"prompt-1\"}");
    }

    @Test
    void running_saysWhereToPoll()
    {
        PromptResponse response = PromptResponse.running("prompt-1");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body().toString()).isEqualTo("{\"id\":\"prompt-1\",\"status\":\"RUNNING\",\"poll\":\"/prompt/prompt-1\"}");
    }

    @Test
    void failedAndError_carryTheReason()
    {
        assertThat(PromptResponse.failed("prompt-1", "FAILED", "States.TaskFailed").statusCode()).isEqualTo(502);
        assertThat(PromptResponse.failed("prompt-1", "FAILED", "States.TaskFailed").body().toString())
                .isEqualTo("{\"id\":\"prompt-1\",\"status\":\"FAILED\",\"error\":\"States.TaskFailed\"}");
        assertThat(PromptResponse.error(400, "bad").body().toString()).isEqualTo("{\"error\":\"bad\"}");
    }
}
